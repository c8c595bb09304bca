// The api over HTTP: no token, no answer; an unknown method is refused with a code and a message.
import { expect, test } from './fixtures';

test('the api refuses a call without the token, and an unknown method, with {code, message}', async ({ request, regie }) => {
  await regie.start();

  const anonymous = await request.post(`${regie.origin()}/api/events.list`, { data: {} });
  expect(anonymous.status()).toBe(401);
  const refused = await anonymous.json();
  expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  expect(refused.error.message).toMatch(/sleutel/);

  const wrong = await request.post(`${regie.origin()}/api/events.list`, { data: {}, headers: { Authorization: 'Bearer niet-de-sleutel' } });
  expect(wrong.status()).toBe(401);

  const unknown = await request.post(`${regie.origin()}/api/events.drop`, { data: {}, headers: { Authorization: `Bearer ${regie.token()}` } });
  expect(unknown.status()).toBe(404);
  const body = await unknown.json();
  expect(body).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  expect(body.error.message).toContain('events.drop');
});

test("opened without the link's token, the app says why it cannot start instead of showing a blank window", async ({ page, regie }) => {
  await regie.start();
  await page.goto(`${regie.origin()}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Regie kan niet starten' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Open Regie via de link die bij het starten werd getoond.');
});
