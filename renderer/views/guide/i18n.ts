// The built-in guide to the first exchange with a partner, nl and en. Button and section names match the
// Uitwisselen screen's own words, so a user can follow along.
export const guideNl = {
  'guide.title': 'Hulp: de eerste uitwisseling',
  'guide.lead':
    'Regie heeft geen gedeelde server. U en uw partnergemeenten sturen elkaar ondertekende planbestanden, per e-mail, USB-stick of gedeelde map. De eerste keer zet u vier stappen; daarna alleen nog stap 3 en 4.',
  'guide.steps': 'De eerste uitwisseling met een partner, stap voor stap',
  'guide.step': 'Stap {n}',
  'guide.step1.title': 'Uw identiteitskaart opslaan en sturen',
  'guide.step1.a':
    'Ga naar Uitwisselen, onderdeel Partners, en kies "Identiteitskaart opslaan". De kaart is een klein bestand met de openbare sleutel van dit apparaat, uw gemeente en de naam van het apparaat. Er staat niets geheims in.',
  'guide.step1.b': 'Stuur de kaart naar uw contactpersoon bij de partnergemeente, bijvoorbeeld per e-mail.',
  'guide.step2.title': 'De kaart van de partner inlezen en de vingerafdruk telefonisch vergelijken',
  'guide.step2.a': 'Kies bij Partners "Kaart van partner inlezen…" en kies het kaartbestand dat uw partner u stuurde.',
  'guide.step2.b':
    'Bel uw contactpersoon op een nummer dat u al kende, niet een nummer uit de e-mail. Laat de vingerafdruk voorlezen: zes groepen van vijf cijfers. Kies per groep "Klopt". Klopt alles, kies dan "Apparaat vertrouwen".',
  'guide.step2.c': 'Klopt één cijfer niet, vertrouw de kaart dan niet: misschien is zij onderweg vervangen. Vraag om een nieuwe kaart, via een andere weg.',
  'guide.step2.d': 'Uw partner doet hetzelfde met uw kaart. Lees dan uw eigen vingerafdruk voor; die staat bij Partners.',
  'guide.step3.title': 'Een planbestand maken voor de partner',
  'guide.step3.a':
    'Kies bij "Bestand maken voor partners" voor wie het bestand is. Regie zet erin wat die partner nog niet van u heeft: evenementen, diensten, verzoeken, toezeggingen, afspraken en handtekeningen.',
  'guide.step3.b': 'Kies "Bestand maken en opslaan" en stuur het .regie-bestand naar uw partner. Stuurt u het per e-mail, kies dan ook "Versleutelen".',
  'guide.step3.demo': 'In de voorbeeldregio maakt Regie geen planbestanden, zodat voorbeeldgegevens nooit bij een partner terechtkomen.',
  'guide.step4.title': 'Het planbestand van de partner inlezen: eerst de voorvertoning, dan inlezen',
  'guide.step4.a':
    'Kies bij "Bestand inlezen" het .regie-bestand van uw partner, sleep het op het venster of open het met een dubbelklik. Regie controleert handtekeningen en ketens en laat zien wat er zou veranderen. Er is dan nog niets gewijzigd.',
  'guide.step4.b': 'Lees de voorvertoning: wat nieuw is, wat wijzigt, conflicten en regels die worden overtreden. Klopt het, kies dan "Inlezen". Zo niet, kies "Annuleren": er verandert niets.',
  'guide.step4.c': 'Een bestand dat onderweg is gewijzigd of van een apparaat komt dat u niet vertrouwt, weigert Regie, met de reden en wat u kunt doen.',
  'guide.toPartners': 'Naar Uitwisselen: Partners',
  'guide.toExport': 'Naar Uitwisselen: Bestand maken',
  'guide.toImport': 'Naar Uitwisselen: Bestand inlezen',
  'guide.after': 'Daarna',
  'guide.after.a':
    'Vanaf nu wisselt u alleen nog bestanden uit (stap 3 en 4): bijvoorbeeld elke week, of na elke wijziging die een partner moet weten. Elke kopie die dezelfde bestanden heeft gezien, toont dezelfde planning en hetzelfde controlegetal (bij Rapportage).',
  'guide.after.b': 'Telefoonnummers, BOA-nummers, notities en redenen van afwezigheid blijven altijd op dit apparaat; die zitten nooit in een planbestand.',
} as const;

export const guideEn: Record<keyof typeof guideNl, string> = {
  'guide.title': 'Help: the first exchange',
  'guide.lead':
    'Regie has no shared server. You and your partner gemeenten send each other signed plan files, by e-mail, USB stick or a shared folder. The first time takes four steps; after that only steps 3 and 4.',
  'guide.steps': 'The first exchange with a partner, step by step',
  'guide.step': 'Step {n}',
  'guide.step1.title': 'Save your identity card and send it',
  'guide.step1.a':
    'Go to Exchange, section Partners, and choose "Save identity card". The card is a small file with this device\'s public key, your gemeente and the device\'s name. It holds nothing secret.',
  'guide.step1.b': 'Send the card to your contact at the partner gemeente, for example by e-mail.',
  'guide.step2.title': "Import the partner's card and compare the fingerprint by phone",
  'guide.step2.a': 'In Partners choose "Import a partner\'s card…" and pick the card file your partner sent you.',
  'guide.step2.b':
    'Call your contact on a number you already knew, not one from the e-mail. Have them read out the fingerprint: six groups of five digits. Choose "Matches" for each group. If everything matches, choose "Trust device".',
  'guide.step2.c': 'If a single digit differs, do not trust the card: it may have been replaced on the way. Ask for a new card, by another route.',
  'guide.step2.d': 'Your partner does the same with your card. Then read out your own fingerprint; it is shown in Partners.',
  'guide.step3.title': 'Make a plan file for the partner',
  'guide.step3.a':
    'In "Make a file for partners" choose who the file is for. Regie puts in what that partner does not have from you yet: events, shifts, requests, commitments, agreements and signatures.',
  'guide.step3.b': 'Choose "Make and save file" and send the .regie file to your partner. If you send it by e-mail, also choose "Encrypt".',
  'guide.step3.demo': 'In the example region Regie makes no plan files, so example data can never reach a partner.',
  'guide.step4.title': "Import the partner's plan file: preview first, then import",
  'guide.step4.a':
    'In "Import a file" choose your partner\'s .regie file, drop it on the window or open it with a double click. Regie checks signatures and chains and shows what would change. Nothing has changed yet.',
  'guide.step4.b': 'Read the preview: what is new, what changes, conflicts and rules that would be broken. If it is right, choose "Import". If not, choose "Cancel": nothing changes.',
  'guide.step4.c': 'A file that was altered on the way or comes from a device you do not trust is refused, with the reason and what you can do.',
  'guide.toPartners': 'Go to Exchange: Partners',
  'guide.toExport': 'Go to Exchange: Make a file',
  'guide.toImport': 'Go to Exchange: Import a file',
  'guide.after': 'After that',
  'guide.after.a':
    'From now on you only exchange files (steps 3 and 4): for example every week, or after every change a partner needs to know. Every copy that has seen the same files shows the same plan and the same check number (in Reports).',
  'guide.after.b': 'Phone numbers, BOA numbers, notes and reasons for absence always stay on this device; they are never in a plan file.',
};
