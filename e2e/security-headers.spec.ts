import { test, expect } from './fixtures.js';

const ATTACKER = 'http://attacker.test';

test.describe('security headers and framing', () => {
  test('every console page is served with the production CSP, an origin-only referrer and nosniff', async ({
    page,
    baseURL,
  }) => {
    for (const path of ['/', '/buckets/some-bucket', '/config.json']) {
      const res = await page.request.get(`${baseURL}${path}`);
      const headers = res.headers();
      const csp = headers['content-security-policy'] ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain('connect-src ');
      expect(headers['referrer-policy'], path).toBe('strict-origin');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  test('a script injected into the page is blocked and reported', async ({ open, page, cspViolations }) => {
    await open('/dashboard');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
    });
    await expect.poll(() => cspViolations.map((v) => v.directive)).toContain('script-src-elem');
    expect(await page.evaluate(() => 'injected' in window || '__injected' in window)).toBe(false);
    // Provoked on purpose: the fixture fails any test that leaves a violation behind.
    cspViolations.length = 0;
  });

  test('another site cannot frame the console', async ({ page, baseURL }) => {
    await page.route(`${ATTACKER}/`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe title="console" src="${baseURL}/dashboard"></iframe>` }),
    );
    await page.goto(`${ATTACKER}/`);
    // Chromium replaces a document refused by frame-ancestors with its own error page.
    await expect
      .poll(() =>
        page
          .frames()
          .find((f) => f !== page.mainFrame())
          ?.url(),
      )
      .toMatch(/^chrome-error:/);
    await expect(page.frameLocator('iframe').getByRole('button')).toHaveCount(0);
  });

  test('framed by a host that strips the headers, the console refuses to start', async ({ page, baseURL }) => {
    await page.route(`${ATTACKER}/`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe title="console" src="${baseURL}/dashboard"></iframe>` }),
    );
    await page.route(`${baseURL}/dashboard`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      delete headers['x-frame-options'];
      await route.fulfill({ response, headers });
    });
    await page.goto(`${ATTACKER}/`);
    const framed = page.frameLocator('iframe');
    await expect(framed.getByRole('alert')).toContainText('This console refuses to run inside a frame');
    await expect(framed.getByRole('link', { name: new URL(baseURL ?? '').origin })).toBeVisible();
    await expect(framed.getByRole('button')).toHaveCount(0);
  });
});
