// Text of the first run's choice (empty or voorbeeldregio) and of the voorbeeldregio banner, nl and en.
export const firstRunNl = {
  'firstRun.startLegend': 'Hoe wilt u beginnen?',
  'firstRun.startEmpty': 'Leeg beginnen',
  'firstRun.startEmptyHint': 'Voor het echte werk: een lege planning voor uw gemeente.',
  'firstRun.startDemo': 'Met een voorbeeldregio beginnen',
  'firstRun.startDemoHint':
    'Om Regie te leren kennen: een planning met twee partnergemeenten, evenementen, verzoeken en een convenant. Niets hiervan is echt, er gaat nooit iets van naar partners, en u verwijdert het in één stap.',
  'firstRun.demoBusy': 'De voorbeeldregio wordt gemaakt. Dit duurt enkele seconden…',
  'firstRun.toGuide': 'Eerst de korte handleiding lezen',
  'demo.readyTitle': 'De voorbeeldregio staat klaar',
  'demo.readyLead':
    '{gemeente} met {partners}, in de weken rond vandaag: {events|evenement|evenementen}, {officers|handhaver|handhavers}, {requests|verzoek|verzoeken} en {agreements|afspraak|afspraken}.',
  'demo.readyNotReal':
    'Niets hiervan is echt. Zolang de voorbeeldregio open is, staat bovenaan elk scherm een gele balk. Planbestanden voor partners en back-ups maakt Regie in de voorbeeldregio niet.',
  'demo.readyTry': 'Probeer bijvoorbeeld de Kalender, een verzoek beantwoorden bij Verzoeken, het convenant ondertekenen bij Afspraken, en het conflict bij Meldingen.',
  'demo.readyRemove': 'Klaar met kijken? Kies "Voorbeeld verwijderen" in de gele balk. Daarna richt u Regie in voor uw eigen gemeente.',
  'demo.toApp': 'Naar de kalender',
  'demo.and': '{a} en {b}',
  'demo.banner': 'Voorbeeldregio',
  'demo.bannerText': 'Voorbeeldregio — niets hiervan is echt.',
  'demo.remove': 'Voorbeeld verwijderen',
  'demo.confirmTitle': 'Voorbeeldregio verwijderen?',
  'demo.confirmText':
    'Regie verwijdert de voorbeeldregio in één keer: alle voorbeeldgegevens en de sleutel van het voorbeeld. Er is nooit iets van naar partners gegaan. Daarna richt u Regie in voor uw eigen gemeente.',
  'demo.confirm': 'Ja, voorbeeld verwijderen',
  'demo.removed': 'De voorbeeldregio is verwijderd. Richt Regie nu in voor uw eigen gemeente.',
} as const;

export const firstRunEn: Record<keyof typeof firstRunNl, string> = {
  'firstRun.startLegend': 'How would you like to start?',
  'firstRun.startEmpty': 'Start empty',
  'firstRun.startEmptyHint': 'For real work: an empty plan for your gemeente.',
  'firstRun.startDemo': 'Start with an example region',
  'firstRun.startDemoHint':
    'To get to know Regie: a plan with two partner gemeenten, events, requests and a convenant. None of it is real, nothing of it ever goes to partners, and you remove it in one step.',
  'firstRun.demoBusy': 'Creating the example region. This takes a few seconds…',
  'firstRun.toGuide': 'Read the short guide first',
  'demo.readyTitle': 'The example region is ready',
  'demo.readyLead': '{gemeente} with {partners}, in the weeks around today: {events|event|events}, {officers|officer|officers}, {requests|request|requests} and {agreements|agreement|agreements}.',
  'demo.readyNotReal':
    'None of this is real. While the example region is open, a yellow bar sits at the top of every screen. Regie makes no plan files for partners and no backups in the example region.',
  'demo.readyTry': 'Try for example the Calendar, answering a request in Requests, signing the convenant in Agreements, and the conflict in Problems.',
  'demo.readyRemove': 'Done looking? Choose "Remove example" in the yellow bar. Then set Regie up for your own gemeente.',
  'demo.toApp': 'Go to the calendar',
  'demo.and': '{a} and {b}',
  'demo.banner': 'Example region',
  'demo.bannerText': 'Example region — none of this is real.',
  'demo.remove': 'Remove example',
  'demo.confirmTitle': 'Remove the example region?',
  'demo.confirmText': "Regie removes the example region in one go: all example data and the example's key. Nothing of it ever went to partners. Then you set Regie up for your own gemeente.",
  'demo.confirm': 'Yes, remove the example',
  'demo.removed': 'The example region has been removed. Now set Regie up for your own gemeente.',
};
