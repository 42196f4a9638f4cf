// Browser tests of the web application: Playwright (playwright-core) drives
// Debian's chromium headless against a real `planwatch serve --demo` on a
// temporary SQLite database. Every page type is checked with axe-core for the
// WCAG 2.1 A and AA rules, in the three interface languages for the public
// pages; sign-in and the plan filters are driven with the keyboard alone.
// Screenshots go to the folder given as the second argument.
//
//   node run.mjs BUILD/planwatch BUILD/browser-screenshots
//
// Prints one line per check and ends with "N passed, M failed"; exits 1 on any failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const [binary, shotsArg] = process.argv.slice(2);
if (!binary) {
  console.error('usage: node run.mjs PLANWATCH_BINARY [SCREENSHOT_DIR]');
  process.exit(2);
}
const shots = shotsArg || path.join(path.dirname(binary), 'browser-screenshots');
fs.mkdirSync(shots, { recursive: true });
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ' — ' + detail : ''}`);
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Starts the server and reads the address and demo passwords it prints.
async function startServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-browser-'));
  const port = await freePort();
  const child = spawn(binary, ['serve', '--db', `sqlite:${dir}/planwatch.db`, '--port', String(port), '--demo'],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  const accounts = {};
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + output)), 120000);
    const onData = (chunk) => {
      output += chunk.toString();
      for (const match of output.matchAll(/demo: account (\S+) password (\S+)/g)) accounts[match[1]] = match[2];
      const listening = output.match(/listening on (http:\/\/\S+)/);
      if (listening) { clearTimeout(timer); resolve(listening[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk.toString(); });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url, accounts, dir };
}

async function axe(page, name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}(${v.impact}, ${v.nodes.length}: ${v.nodes[0].target.join(' ')})`);
  check(`axe WCAG 2.1 A/AA: ${name}`, results.violations.length === 0, summary.join('; '));
}

async function visit(page, url, name, { screenshot = true } = {}) {
  const response = await page.goto(url);
  check(`GET ${name}`, response && response.status() === 200, response ? `status ${response.status()}` : 'no response');
  if (screenshot) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  await axe(page, name);
}

async function signIn(page, base, email, password) {
  await page.goto(`${base}/signin?lang=en`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('form.usa-form button[type=submit]')]);
}

const server = await startServer();
const base = server.url;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  // AxeBuilder needs pages from an explicit context (stack.md trap T18).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => {
    // The 404 page visited on purpose below logs its own status; anything else counts.
    if (message.type() === 'error' && !message.location().url.includes('/plans/999999')) consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() === 404 && !response.url().includes('/plans/999999')) consoleErrors.push(`404 ${response.url()}`);
  });

  // Public pages in every language.
  await page.goto(`${base}/?lang=ro`);
  const planHref = await page.getAttribute('.usa-card__heading a', 'href');
  check('home lists plans', Boolean(planHref), planHref || 'no plan link');
  const planPath = planHref.split('?')[0];
  for (const lang of ['ro', 'sl', 'en']) {
    await visit(page, `${base}/?lang=${lang}`, `home-${lang}`);
    check(`home in ${lang}`, (await page.getAttribute('html', 'lang')) === lang);
    await visit(page, `${base}${planPath}?lang=${lang}`, `plan-${lang}`);
    await visit(page, `${base}/services?lang=${lang}`, `services-${lang}`, { screenshot: lang === 'ro' });
    await visit(page, `${base}/search?q=scoala&lang=${lang}`, `search-${lang}`, { screenshot: lang === 'ro' });
  }
  // A social service's page: code, capacity and its budget table, reached from the list.
  await page.goto(`${base}/services?lang=ro`);
  const serviceHref = await page.getAttribute('table th[scope=row] a[href^="/services/"]', 'href');
  check('services list links each service', Boolean(serviceHref), serviceHref || 'no service link');
  await visit(page, `${base}${serviceHref}`, 'service-ro', { screenshot: false });
  await page.goto(`${base}${planPath}?lang=en`);
  // Downloads: every link named apart, with its format and size, as a screen reader reads it.
  const downloads = await page.$$eval('a[download]', (links) => links.map((a) => a.textContent.trim()));
  check('plan page lists its downloads', downloads.length >= 8, downloads.join(' | '));
  check('download links have unique names', new Set(downloads).size === downloads.length, downloads.join(' | '));
  check('download links name format and size', downloads.every((name) => /\((PDF|DOCX|HTML|XLSX|CSV[^,]*|JSON|IATI 2\.03 XML), [0-9.,]+ (KB|MB)\)$/.test(name)),
        downloads.join(' | '));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download][href*="format=pdf"]')]);
  check('the PDF link downloads a named file', /^plan-\d+-report\.pdf$/.test(download.suggestedFilename()), download.suggestedFilename());
  const activityHref = await page.getAttribute('table.pw-activities th[scope=row] a', 'href');
  await visit(page, `${base}${activityHref}`, 'activity-en');
  await visit(page, `${base}/institutions?lang=ro`, 'institutions-ro');
  const institutionHref = await page.getAttribute('table th[scope=row] a', 'href');
  await visit(page, `${base}${institutionHref}`, 'institution-ro');
  // Per plan the institution works on, its own report; the screen-reader text tells the plans apart.
  await page.goto(`${base}/institutions?lang=ro`);
  const cpecaHref = await page.getAttribute('table th[scope=row] a:text-is("CPECA Cluj")', 'href');
  await visit(page, `${base}${cpecaHref}`, 'institution-cpeca-ro', { screenshot: false });
  const reports = await page.$$eval('a[download]', (links) => links.map((a) => a.textContent.trim()));
  check('institution page offers its reports', reports.some((name) => name.startsWith('Raportul instituției (PDF, ')),
        reports.join(' | '));
  check('institution report links have unique names', new Set(reports).size === reports.length, reports.join(' | '));
  await visit(page, `${base}/signin?lang=ro`, 'signin-ro');

  // The registry: seed 004's directorate with its organisation chart, and a service with yearly figures.
  const registry = await (await page.request.get(`${base}/api/v1/institutions`)).json();
  const unitId = (name) => (registry.find((entry) => entry.name === name) || {}).id;
  const adultsId = unitId('Direcția protecția persoanelor adulte');
  const adoptionId = unitId('Serviciul adopții și postadopții');
  check('seed 004 units are in the registry', Boolean(adultsId && adoptionId), `${adultsId} ${adoptionId}`);
  for (const lang of ['ro', 'sl', 'en']) {
    await visit(page, `${base}/institutions/${adultsId}?lang=${lang}`, `institution-org-${lang}`);
    check(`org chart drawn (${lang})`, (await page.locator('figure.pw-org-chart svg rect').count()) === 17);
    await visit(page, `${base}/institutions/${adoptionId}?lang=${lang}`, `institution-figures-${lang}`,
                { screenshot: lang === 'ro' });
    check(`figures charted (${lang})`, (await page.locator('figure.pw-figure-chart svg').count()) === 2);
  }
  const missing = await page.goto(`${base}/plans/999999?lang=en`);
  check('unknown plan is a 404 page', missing.status() === 404);
  await axe(page, 'error-404');

  // Search ignores diacritics: "scoala" finds "Şcoala părinţilor" (cedilla in the document).
  // The document writes "Şcoala părinţilor" (cedilla); plans are stored with comma-below letters.
  await page.goto(`${base}/search?q=scoala+parintilor&lang=ro`);
  check('search without diacritics finds Școala părinților', (await page.content()).includes('Școala părinților'));

  // The plan filters work without JavaScript (GET form) and with the keyboard alone.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`${base}${planPath}?lang=en&status=overdue`);
  const shown = await plain.textContent('#plan-tree p[role=status]');
  check('filters work without JavaScript', /Showing \d+ of 47/.test(shown), shown);
  await noScript.close();

  await page.goto(`${base}${planPath}?lang=en`);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => document.activeElement && document.activeElement.className);
  check('first Tab reaches the skip link', skip === 'usa-skipnav', skip);
  await page.keyboard.press('Enter');
  check('skip link moves to the main content', page.url().endsWith('#main-content'));
  await page.focus('#f-status');
  await page.keyboard.press('ArrowDown');  // first status after "Any"
  await page.focus('form.pw-filters button[type=submit]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check('keyboard filter submits the form', page.url().includes('status='), page.url());
  await page.screenshot({ path: path.join(shots, 'plan-filtered-en.png'), fullPage: true });

  // Staff: every role signs in with the keyboard and lands on its page.
  const roles = [
    ['reporter@demo.planwatch', '/my', 'my-institution'],
    ['coordinator@demo.planwatch', '/coordinate', 'coordinate'],
    ['admin@demo.planwatch', '/admin', 'admin'],
  ];
  for (const [email, landing, name] of roles) {
    const password = server.accounts[email];
    if (!password) { check(`demo account ${email} printed`, false); continue; }
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await staff.newPage();
    await p.goto(`${base}/signin?lang=en`);
    await p.focus('#email');
    await p.keyboard.type(email);
    await p.keyboard.press('Tab');
    await p.keyboard.type(password);
    await Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')]);
    check(`${email} signs in with the keyboard and lands on ${landing}`, new URL(p.url()).pathname === landing, p.url());
    await p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    await axe(p, name);
    await staff.close();
  }

  // Coordinator: upload a document, see the preview with warnings, confirm.
  {
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await staff.newPage();
    await signIn(p, base, 'coordinator@demo.planwatch', server.accounts['coordinator@demo.planwatch']);
    const sample = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'samples', '002_8d53b20a0e2536f7.txt');
    const copy = path.join(server.dir, 'akcijski-nacrt.txt');
    // A new document (different bytes) so the import is not refused as a duplicate of the demo's.
    fs.writeFileSync(copy, fs.readFileSync(sample, 'utf8') + '\n');
    await p.setInputFiles('#import-file', copy);
    await Promise.all([p.waitForNavigation(), p.click('form[action="/coordinate/import"] button[type=submit]')]);
    const preview = await p.content();
    check('import preview shows the parsed plan', preview.includes('akcijski-nacrt.txt') && preview.includes('import/confirm'));
    await p.screenshot({ path: path.join(shots, 'import-preview.png'), fullPage: true });
    await axe(p, 'import-preview');
    await Promise.all([p.waitForNavigation(), p.click('form[action="/coordinate/import/confirm"] button[type=submit]')]);
    check('confirmed import lands on the new plan page', /\/plans\/\d+/.test(p.url()), p.url());

    // The upload is a draft: the coordinator sees it with a notice, the public gets a 404,
    // until the coordinator publishes it from the coordination screen.
    const planPath = new URL(p.url()).pathname;
    const planId = planPath.split('/')[2];
    await p.goto(`${base}${planPath}?lang=en`);
    check('the coordinator sees the draft notice', (await p.content()).includes('This plan is a draft'));
    const visitor = await browser.newContext();
    const v = await visitor.newPage();
    const hidden = await v.goto(`${base}${planPath}?lang=en`);
    check('the public gets 404 for a draft plan', hidden.status() === 404, `status ${hidden.status()}`);
    await p.goto(`${base}/coordinate?lang=en#plans`);
    const publishButton = p.locator(`#plan-${planId} form[action^="/coordinate/plans/${planId}/publish"] button`);
    check('the coordination screen offers Publish for the draft', (await publishButton.count()) === 1);
    check('the draft is marked as a draft', (await p.locator(`#plan-${planId}`).innerText()).includes('Draft'));
    await axe(p, 'coordinate-publish-controls');
    await Promise.all([p.waitForNavigation(), publishButton.click()]);
    check('publishing says so', (await p.content()).includes('The plan is published'), p.url());
    check('the plan now offers Unpublish',
          (await p.locator(`#plan-${planId} form[action^="/coordinate/plans/${planId}/unpublish"] button`).count()) === 1);
    await p.screenshot({ path: path.join(shots, 'coordinate-published.png'), fullPage: true });
    await axe(p, 'coordinate-after-publish');
    const shown = await v.goto(`${base}${planPath}?lang=en`);
    check('the public plan page exists once published', shown.status() === 200, `status ${shown.status()}`);
    check('the public page has no draft notice', !(await v.content()).includes('This plan is a draft'));
    await visitor.close();
    await staff.close();
  }


  // Registry staff screens: the coordinator's review and merge (with the confirmation step), the
  // administrator's registry, the add form and an edit refused for a cycle, each checked with axe.
  {
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await staff.newPage();
    await signIn(p, base, 'coordinator@demo.planwatch', server.accounts['coordinator@demo.planwatch']);
    await visit(p, `${base}/coordinate/institutions?lang=en`, 'coordinate-institutions');
    await p.selectOption('#merge-from', String(adoptionId));
    await p.selectOption('#merge-into', String(adultsId));
    await Promise.all([p.waitForNavigation(), p.click('#merge form[method=get] button[type=submit]')]);
    check('merge preview asks for confirmation', (await p.locator('form.pw-merge-confirm').count()) === 1);
    await p.screenshot({ path: path.join(shots, 'coordinate-merge-preview.png'), fullPage: true });
    await axe(p, 'coordinate-merge-preview');
    await p.goto(`${base}/coordinate/institutions?lang=en&from=${adultsId}&into=${adultsId}`);
    check('a merge into itself is refused next to the field', (await p.locator('#merge-into-error').count()) === 1);
    await axe(p, 'coordinate-merge-refused');
    await staff.close();

    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const a = await adminContext.newPage();
    await signIn(a, base, 'admin@demo.planwatch', server.accounts['admin@demo.planwatch']);
    await visit(a, `${base}/admin/institutions?lang=en&q=cluj`, 'admin-institutions');
    await visit(a, `${base}/admin/institutions/new?lang=en`, 'admin-institution-new');
    const dgaspcId = unitId('Direcția Generală de Asistență Socială și Protecția Copilului Cluj');
    await visit(a, `${base}/admin/institutions/${dgaspcId}?lang=en`, 'admin-institution-edit');
    await a.selectOption('#inst-parent', String(adultsId));  // one of its own units: a cycle
    await Promise.all([a.waitForNavigation(), a.click('form.usa-form button[type=submit]')]);
    check('a cycle is refused next to the parent field', (await a.locator('#inst-parent-error').count()) === 1);
    await a.screenshot({ path: path.join(shots, 'admin-institution-cycle.png'), fullPage: true });
    await axe(a, 'admin-institution-cycle');
    // An account's form: role, institution, disabling.
    await a.goto(`${base}/admin?lang=en`);
    const editHref = await a.locator('a[href^="/admin/users/"]').first().getAttribute('href');
    await visit(a, new URL(editHref, base).href, 'admin-user-edit');
    check('the account form offers the roles', (await a.locator('#user-role option').count()) === 3);
    await adminContext.close();
  }

  // The review loop: a reporter fills a report with the keyboard and submits it; the
  // coordinator returns it; the reporter corrects and resubmits; the coordinator approves;
  // the activity page then shows the status computed from the approved report.
  {
    const reporterContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const r = await reporterContext.newPage();
    await signIn(r, base, 'reporter@demo.planwatch', server.accounts['reporter@demo.planwatch']);
    await r.goto(`${base}/my?lang=en`);
    const form = r.locator('section.pw-report-form form').first();
    const section = r.locator('section.pw-report-form').first();
    const key = (await section.getAttribute('id')).replace('report-', '');
    const activityHref = await section.locator('h3 a').getAttribute('href');
    // Keyboard only: focus the state, choose "Completed", Tab through the fields.
    await r.focus(`#c-${key}`);
    await r.keyboard.press('End');  // the last option is "Cancelled"
    await r.keyboard.press('ArrowUp');
    check('state chosen with the keyboard', (await r.inputValue(`#c-${key}`)) === 'completed', await r.inputValue(`#c-${key}`));
    await r.focus(`#n-${key}`);
    await r.keyboard.type('Seminarii în 12 școli din județ');
    await r.keyboard.press('Tab');  // to the evidence links
    await r.keyboard.type('https://example.org/raport-2020');
    await r.keyboard.press('Tab');  // the evidence file input
    await r.keyboard.press('Tab');  // "Save draft"
    await r.keyboard.press('Tab');  // "Submit for review"
    const focused = await r.evaluate(() => document.activeElement && document.activeElement.value);
    check('Tab order reaches the submit button', focused === 'submit', String(focused));
    await Promise.all([r.waitForNavigation(), r.keyboard.press('Enter')]);
    check('report submitted', (await r.content()).includes('The report was submitted for review.'), r.url());
    await r.screenshot({ path: path.join(shots, 'report-submitted.png'), fullPage: true });
    await axe(r, 'my-institution-with-reports');

    const coordinatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const c = await coordinatorContext.newPage();
    await signIn(c, base, 'coordinator@demo.planwatch', server.accounts['coordinator@demo.planwatch']);
    await c.goto(`${base}/coordinate?lang=en`);
    const queued = c.locator('#review article');
    check('the review queue holds the report', (await queued.count()) === 1, String(await queued.count()));
    await c.screenshot({ path: path.join(shots, 'review-queue.png'), fullPage: true });
    await axe(c, 'review-queue');
    await c.fill('#review textarea[name=comment]', 'Câte cadre didactice au participat?');
    await Promise.all([c.waitForNavigation(), c.click('#review form[action*="/return"] button')]);
    check('coordinator returned the report', (await c.content()).includes('The report was returned to the institution.'));

    await r.goto(`${base}/my?lang=en`);
    check('reporter sees the comment', (await r.content()).includes('Câte cadre didactice au participat?'));
    await r.fill(`#n-${key}`, 'Seminarii în 12 școli, 240 de cadre didactice');
    await Promise.all([r.waitForNavigation(), r.click(`#report-${key} button[value=submit]`)]);
    check('report resubmitted', (await r.content()).includes('The report was submitted for review.'));

    await c.goto(`${base}/coordinate?lang=en`);
    await Promise.all([c.waitForNavigation(), c.click('#review form[action*="/approve"] button')]);
    check('coordinator approved the report', (await c.content()).includes('The report was approved.'));
    check('the queue is empty again', (await c.locator('#review article').count()) === 0);

    await page.goto(new URL(activityHref, base).href);
    const activityPage = await page.content();
    check('the activity now shows completed', activityPage.includes('pw-status--completed'), activityHref);
    check('the approved narrative is public', activityPage.includes('240 de cadre didactice'));
    await page.screenshot({ path: path.join(shots, 'activity-after-approval.png'), fullPage: true });
    // The plan page counts it too: filtered to completed activities, it lists this one.
    const activityPath = new URL(activityHref, base).pathname;
    await page.goto(`${base}${activityPath.split('/activities/')[0]}?lang=en&status=completed`);
    check('the plan page lists the activity as completed',
          (await page.locator(`a[href^="${activityPath}"]`).count()) > 0, activityPath);
    await page.screenshot({ path: path.join(shots, 'plan-after-approval.png'), fullPage: true });
    await reporterContext.close();
    await coordinatorContext.close();
  }

  check('no console errors (CSP, missing files)', consoleErrors.length === 0, consoleErrors.slice(0, 3).join(' | '));
} catch (error) {
  check('browser run', false, error.stack || String(error));
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  fs.rmSync(server.dir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
