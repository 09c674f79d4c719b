// Unit tests of the browser's search engine (engine.js), run with
//   node --test internal/search/engine_test.js
// (TestEngineNode runs them from go test). They read testdata/engine, a
// small index exported by the Go side (TestEngineFixture keeps it current),
// and state from the pages' own text which pages each query must find.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const E = require('./engine.js');

const dir = path.join(__dirname, 'testdata', 'engine');

// run evaluates one exported script as a page would and returns what it
// handed to __pubgenSearch: the entry, or a shard's data.
function run(file) {
  const got = {};
  const ns = {
    entry(e) { got.value = e; },
    shard(name, d) {
      assert.equal(name, file.split('.')[0], `${file} names itself ${name}`);
      got.value = d;
    },
  };
  vm.runInNewContext(fs.readFileSync(path.join(dir, file), 'utf8'), { __pubgenSearch: ns }, { filename: file });
  return got.value;
}

function openFixture(loaded) {
  return E.open(run('index.js'), (file) => {
    if (loaded) loaded.push(file);
    return Promise.resolve(run(file));
  });
}

const engine = openFixture();
async function urls(q, opts) {
  const res = await engine.search(q, opts);
  return (await engine.records(res.docs)).map((r) => r.url.split('/').slice(0, 2).join('/'));
}

test('analysis: the shared table of known segmentations', () => {
  const cases = JSON.parse(fs.readFileSync(path.join(__dirname, 'testdata', 'analysis.json'), 'utf8'));
  assert.ok(cases.length > 10);
  for (const c of cases) assert.deepEqual(E.analyse(c.in), c.out || [], c.name);
});

test('analysis: bigrams, lone characters, Latin words, width and case', () => {
  for (const [text, keys] of [
    ['党建', ['党建']],
    ['党', [' 党']],
    ['主题党日', ['主题', '题党', '党日']],
    ['党建 学习', ['党建', '学习']],
    ['ISO 9001', ['iso', '9001']],
    ['ＡＢＣ２０２４', ['abc2024']],
    ['2025年党建', ['2025', '年党', '党建']],
    ['e-mail', ['e', 'mail']],
    ['！！！', []],
  ]) assert.deepEqual(E.analyse(text), keys, text);
  assert.deepEqual(E.keys('党建 党建'), ['党建']);
});

test('analysis: phrase keys of Han runs and quoted Latin', () => {
  const gram = [3, 6, 3];
  for (const [q, keys] of [
    ['党建', []],
    ['主题党日', ['~主题党日']],
    ['主题 党日', []],
    ['深入学习贯彻党的', ['~深入学习贯彻', '~入学习贯彻党', '~学习贯彻党的']],
    ['ISO 9001', []],
    ['"ISO 9001"', ['~iso~9001']],
    ['“ISO 9001 质量” HSE', ['~iso~9001']],
  ]) assert.deepEqual(E.phraseKeys(q, gram), keys, q);
});

test('decoding: every record, with its facets and the site\'s day', async () => {
  const all = await engine.records([...Array(engine.docs).keys()]);
  assert.equal(all.length, 9, 'seven pages and two parts of an attachment');
  // Export order is oldest first, so that a new page moves no other.
  assert.deepEqual(all.map((r) => r.date), [...all.map((r) => r.date)].sort());
  const fees = all.find((r) => r.url === 'disclosures/fees/index.html');
  assert.deepEqual([fees.title, fees.type, fees.branch, fees.status, fees.date],
    ['党费收缴情况公示', 'disclosure', '第一党支部', 'closed', '2024-12-31']);
});

test('decoding: a query loads the entry\'s shards only, each once', async () => {
  const loaded = [];
  const e = openFixture(loaded);
  await e.search('管理工具');
  // Term and phrase shards, each through its directory, the tail's
  // shards (named in the entry) and the level file.
  assert.ok(loaded.length > 0 && loaded.every((f) => /^([tp][dn]?\d+|levels)\.[a-z2-7]{7}\.js$/.test(f)), loaded.join());
  assert.ok(loaded.some((f) => f.startsWith('levels.')) && loaded.some((f) => /^td\d/.test(f)), loaded.join());
  assert.ok(loaded.some((f) => /^tn\d/.test(f)) && loaded.some((f) => /^pn\d/.test(f)), loaded.join());
  const res = await e.search('管理工具', { facets: true });
  assert.ok(loaded.some((f) => f.startsWith('meta.')));
  assert.equal(res.facets.type.notice, 1);
});

// requests opens the fixture with a loader that keeps what it loaded, as
// search.js does, and counts the files it fetched.
function requests() {
  const fetched = new Map();
  const e = E.open(run('index.js'), (file) => {
    if (!fetched.has(file)) fetched.set(file, Promise.resolve(run(file)));
    return fetched.get(file);
  });
  return { e, fetched };
}

test('requests: a query matching every page fetches one level file, its key\'s shard and directory, and its tail shard', async () => {
  const { e, fetched } = requests();
  const res = await e.search('支部');
  assert.equal(res.total, e.docs);
  // The levels of every page are one file (they were a shard per 500
  // pages and a directory: 21 requests for a common word at 10,000 pages).
  // The newest page is in the tail, whose shards the entry names.
  assert.deepEqual([...fetched.keys()].map((f) => f.split('.')[0]).sort(), ['levels', 't0', 'td0', 'tn0']);
});

test('tail: a key\'s postings join across the split, counted from it', async () => {
  const e = run('index.js');
  assert.ok(e.tail > 0 && e.tail < e.docs, `split ${e.tail} of ${e.docs}`);
  // 2025年党建工作要点 (2025-02-01) is before the split and in the main
  // shards alone; 发展党员公示 (2025-06-10), the newest, is the tail.
  assert.deepEqual(await urls('公示'), ['disclosures/member', 'disclosures/fees']);
  assert.deepEqual(await urls('发展党员'), ['disclosures/member']);
  assert.deepEqual(await urls('党建'), ['notices/plan']);
});

test('requests: the records of the results shown are a file each and their directories', async () => {
  const { e, fetched } = requests();
  const res = await e.search('支部');
  fetched.clear();
  const recs = await e.records(res.docs);
  const files = [...fetched.keys()];
  // A record is named by its content alone, so a page added or deleted
  // before it renames none; the results a query shows are spread over the
  // site, so a file of several records would mostly carry records not
  // shown. One directory lists the names of 32 records.
  assert.equal(files.filter((f) => /^r\.[a-z2-7]{7}\.js$/.test(f)).length, recs.length);
  const dirs = files.filter((f) => !f.startsWith('r.'));
  assert.ok(dirs.length === 1 && /^rd0\.[a-z2-7]{7}\.js$/.test(dirs[0]), dirs.join());
});

test('query: a run of Han characters is a phrase', async () => {
  assert.deepEqual(await urls('管理工具'), ['notices/tools']);
  assert.deepEqual((await urls('管理 工具')).sort(), ['notices/tools', 'study/rules']);
  assert.deepEqual(await urls('主题党日'), ['showcases/day']);
  assert.deepEqual((await urls('主题 党日')).sort(), ['showcases/day', 'study/apart']);
  // Keys of five and six characters are written as parts of their
  // parents' lists, read from the same shard.
  assert.deepEqual(await urls('主题党日活动'), ['showcases/day']);
  assert.deepEqual(await urls('主题教育期间'), ['study/apart']);
  assert.deepEqual(await urls('管理工具使用说明'), ['notices/tools']);
  assert.deepEqual(await urls('主题党日活动期间'), []);
  assert.deepEqual(await urls('不存在'), []);
});

test('query: Latin words, quoted phrases, mixed Latin and Han', async () => {
  assert.deepEqual(await urls('"ISO 9001"'), ['disclosures/member']);
  assert.deepEqual((await urls('ISO 9001')).sort(), ['disclosures/fees', 'disclosures/member']);
  assert.deepEqual((await urls('ｉｓｏ')).sort(), ['disclosures/fees', 'disclosures/member']);
  assert.deepEqual(await urls('e-mail'), ['disclosures/member']);
  assert.deepEqual(await urls('2025年党建'), ['notices/plan']);
});

test('query: filters, their counts and the date order', async () => {
  assert.deepEqual((await urls('支部', { type: 'disclosure' })).sort(), ['disclosures/fees', 'disclosures/member']);
  assert.deepEqual(await urls('支部', { year: '2024', byDate: true }), ['disclosures/fees', 'study/apart', 'showcases/day']);
  assert.deepEqual((await urls('支部', { branch: '第二党支部' })).sort(), ['disclosures/member', 'notices/plan', 'study/rules', 'study/rules', 'study/rules']);
  assert.deepEqual(await urls('公示', { status: 'open' }), ['disclosures/member']);
  const res = await engine.search('支部', { type: 'disclosure', facets: true });
  // A facet counts with the other filters applied, its own left out.
  assert.deepEqual(res.facets.type, { notice: 2, study: 4, disclosure: 2, showcase: 1 });
  assert.deepEqual(res.facets.year, { 2025: 1, 2024: 1 });
});

test('scoring: the order Search gives (expect.json, written by the Go side)', async () => {
  const expect = JSON.parse(fs.readFileSync(path.join(dir, 'expect.json'), 'utf8'));
  for (const x of expect) {
    const res = await engine.search(x.q, x.opts);
    const got = (await engine.records(res.docs)).map((r) => r.url);
    assert.deepEqual(got, x.urls, `${x.q} ${JSON.stringify(x.opts)}`);
  }
});

test('grouping: an attachment\'s parts come under their page', async () => {
  // 流程图 is only in the PDF's page 2: its page is shown by title alone.
  let res = await engine.search('流程图');
  let recs = await engine.records(res.docs);
  assert.deepEqual(recs.map((r) => [r.url, r.page]), [['study/rules/a.pdf#page=2', { url: 'study/rules/index.html', title: '管理制度汇编' }]]);
  assert.deepEqual(engine.group(recs).map((g) => [g.page.url, g.rec, g.parts.map((p) => p.url)]),
    [['study/rules/index.html', null, ['study/rules/a.pdf#page=2']]]);
  // 制度 is in the page and in both parts (the attachment is called
  // 制度汇编): one group holding the page and its parts in result order.
  res = await engine.search('制度');
  recs = await engine.records(res.docs);
  assert.equal(recs.length, 3);
  assert.deepEqual(engine.group(recs).map((g) => [g.page.url, g.rec && g.rec.url, g.parts.map((p) => p.url)]),
    [['study/rules/index.html', 'study/rules/index.html', recs.filter((r) => r.page).map((r) => r.url)]]);
  // A group stands where the first of its records does. Every page and
  // part names its branch, 第…党支部.
  res = await engine.search('支部');
  recs = await engine.records(res.docs);
  const firsts = [...new Set(recs.map((r) => (r.page || r).url))];
  assert.deepEqual(engine.group(recs).map((g) => g.page.url), firsts);
  assert.deepEqual([recs.length, firsts.length], [9, 7]);
});

test('excerpt: a window of text pieces with the matches marked', async () => {
  const res = await engine.search('党费');
  const [rec] = await engine.records(res.docs.slice(0, 1));
  const pieces = engine.excerpt(rec, res.keys);
  assert.equal(pieces.map((p) => p.text).join(''), rec.body);
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ['党费']);
});

test('version: an index of another format is refused', () => {
  const e = run('index.js');
  assert.equal(e.v, E.format);
  for (const bad of [{ ...e, v: 'pubgen-search-0' }, { ...e, v: undefined }, null]) {
    assert.throws(() => E.open(bad, () => Promise.reject(new Error('nothing may load'))),
      (err) => err.code === 'version' && err.want === E.format);
  }
});
