"""Reads iCalendar files with python-icalendar (Debian: python3-icalendar) and prints their VEVENTs as JSON,
as a calendar program sees them: UID, SEQUENCE, STATUS, start and end with their UTC offsets, texts."""
import json
import sys

from icalendar import Calendar

out = []
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        cal = Calendar.from_ical(f.read())
    events = []
    for ev in cal.walk('VEVENT'):
        events.append({
            'uid': str(ev.get('UID')),
            'sequence': int(ev.get('SEQUENCE', 0)),
            'status': str(ev.get('STATUS', '')),
            'start': ev.get('DTSTART').dt.isoformat(),
            'end': ev.get('DTEND').dt.isoformat(),
            'summary': str(ev.get('SUMMARY', '')),
            'location': str(ev.get('LOCATION', '')),
            'description': str(ev.get('DESCRIPTION', '')),
        })
    out.append({'name': str(cal.get('X-WR-CALNAME', '')), 'events': events})
json.dump(out, sys.stdout, ensure_ascii=False)
