/* pubgen search client. Loads nothing until a search box is used; then the
 * entry search/index.js and only the shards a query needs, each with a
 * <script> element, so it works from file:// and under script-src 'self'.
 * The analyser mirrors internal/search (bleve's cjk analyzer after a
 * full-width fold) exactly; scores are the integers the build computed. */
(function () {
  'use strict';
  var NS = '__pubgenSearch';
  if (window[NS] && window[NS].analyse) return;
  var me = document.currentScript;
  var root = new URL('../', me ? me.src : location.href).href;
  var ns = window[NS] = { root: root, loaded: [] };

  /* ---------- analysis: bleve unicode tokenizer + cjk_width + to_lower + cjk_bigram ---------- */

  function inRanges(cp, r) {
    for (var i = 0; i < r.length; i += 2) if (cp >= r[i] && cp <= r[i + 1]) return true;
    return false;
  }
  // Unicode 8 tables, as in github.com/blevesearch/segment.
  var HAN = [0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x3005, 0x3005, 0x3007, 0x3007,
    0x3021, 0x3029, 0x3038, 0x303B, 0x3400, 0x4DB5, 0x4E00, 0x9FD5, 0xF900, 0xFA6D, 0xFA70, 0xFAD9,
    0x20000, 0x2A6D6, 0x2A700, 0x2B734, 0x2B740, 0x2B81D, 0x2B820, 0x2CEA1, 0x2F800, 0x2FA1D];
  var HIRA = [0x3041, 0x3096, 0x309D, 0x309F, 0x1B001, 0x1B001, 0x1F200, 0x1F200];
  var KATA = [0x3031, 0x3035, 0x309B, 0x309C, 0x30A0, 0x30FA, 0x30FC, 0x30FF, 0x31F0, 0x31FF,
    0x32D0, 0x32FE, 0x3300, 0x3357, 0xFF66, 0xFF9D, 0x1B000, 0x1B000];
  var MIDLETTER = [0x3A, 0x3A, 0xB7, 0xB7, 0x2D7, 0x2D7, 0x387, 0x387, 0x5F4, 0x5F4, 0x2027, 0x2027,
    0xFE13, 0xFE13, 0xFE55, 0xFE55, 0xFF1A, 0xFF1A];
  var MIDNUM = [0x2C, 0x2C, 0x3B, 0x3B, 0x37E, 0x37E, 0x589, 0x589, 0x60C, 0x60D, 0x66C, 0x66C,
    0x7F8, 0x7F8, 0x2044, 0x2044, 0xFE10, 0xFE10, 0xFE14, 0xFE14, 0xFE50, 0xFE50, 0xFE54, 0xFE54,
    0xFF0C, 0xFF0C, 0xFF1B, 0xFF1B];
  var MIDNUMLET = [0x2E, 0x2E, 0x2018, 0x2019, 0x2024, 0x2024, 0xFE52, 0xFE52, 0xFF07, 0xFF07, 0xFF0E, 0xFF0E];
  var EXTNUMLET = [0x5F, 0x5F, 0x203F, 0x2040, 0x2054, 0x2054, 0xFE33, 0xFE34, 0xFE4D, 0xFE4F, 0xFF3F, 0xFF3F];
  var EXTEND = /^[\p{Mn}\p{Me}\p{Mc}\u200C\u200D\uFF9E\uFF9F]$/u;
  var FORMAT = /^(?![\u200B-\u200D])\p{Cf}$/u;
  var NUMERIC = /^\p{Nd}$/u;
  var ALETTER = /^(?![\p{Ideographic}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tai_Le}\p{Script=New_Tai_Lue}\p{Script=Tai_Tham}\p{Script=Tai_Viet}])[\p{Alphabetic}\u02C2-\u02C5\u02D2-\u02D6\u02DE\u02DF\u02E5-\u02EB\u02ED\u02EF-\u02FF\u05F3\uA720\uA721\uA789\uA78A\uAB5B]$/u;

  // cls gives a code point's word-break class as one letter, so that the
  // UAX #29 rules below can be regular expressions over a class string.
  function cls(cp) {
    if (cp === 0x27) return 'Q';
    if (inRanges(cp, MIDLETTER)) return 'L';
    if (inRanges(cp, MIDNUM)) return 'M';
    if (inRanges(cp, MIDNUMLET)) return 'D';
    if (inRanges(cp, EXTNUMLET)) return 'U';
    if (inRanges(cp, KATA)) return 'K';
    if (inRanges(cp, HIRA)) return 'I';
    if (inRanges(cp, HAN)) return cp === 0x3005 || cp === 0x303B ? 'B' : 'H';
    if (cp === 0x302E || cp === 0x302F) return 'Y'; // Hangul tone marks: both ALetter and Extend in Unicode 8
    var ch = String.fromCodePoint(cp);
    if (EXTEND.test(ch) || FORMAT.test(ch)) return 'X';
    if (cp >= 0xFF10 && cp <= 0xFF19) return 'O';
    if (NUMERIC.test(ch)) return 'N';
    if (ALETTER.test(ch)) return 'A';
    return 'O';
  }
  // X: extend or format; A: letter; B: letter and Han; Y: letter and extend.
  var X = '[XY]*', U = '(?:U' + X + ')', L = '[ABY]';
  var NUM = 'N' + X + '(?:(?:' + U + '*|[MDQ]' + X + ')N' + X + ')*';
  var LET = L + X + '(?:(?:' + U + '*|[LDQ]' + X + ')' + L + X + ')*';
  var KAT = 'K' + X + '(?:' + U + '*K' + X + ')*';
  var RULES = [ // in bleve's order: on equal length the first wins
    ['num', U + '*' + NUM + U + '*'],
    ['kana', '(?:K' + X + ')+'],
    ['word', U + '*(?:' + KAT + '|(?:' + NUM + '|' + LET + '|' + U + ')+)(?:' + U + '+(?:' + KAT + '|(?:' + NUM + '|' + LET + ')+))*' + U + '*'],
    ['han', '[HB]' + X],
    ['hira', 'I' + X]
  ].map(function (r) { return [r[0], new RegExp(r[1], 'y')]; });

  function tokenize(cps) {
    var classes = cps.map(cls).join(''), out = [], i = 0;
    while (i < cps.length) {
      var best = 0, type = '';
      for (var k = 0; k < RULES.length; k++) {
        var re = RULES[k][1];
        re.lastIndex = i;
        var m = re.exec(classes);
        if (m && m[0].length > best) { best = m[0].length; type = RULES[k][0]; }
      }
      if (best === 0) { // not a word: skip it with its extending marks
        i++;
        while (i < cps.length && (classes[i] === 'X' || classes[i] === 'Y')) i++;
        continue;
      }
      out.push({ cps: cps.slice(i, i + best), start: i, end: i + best,
        ideo: type === 'kana' || type === 'han' || type === 'hira' });
      i += best;
    }
    return out;
  }

  var KANA_NORM = [0x30fb, 0x30f2, 0x30a1, 0x30a3, 0x30a5, 0x30a7, 0x30a9, 0x30e3, 0x30e5,
    0x30e7, 0x30c3, 0x30fc, 0x30a2, 0x30a4, 0x30a6, 0x30a8, 0x30aa, 0x30ab, 0x30ad, 0x30af, 0x30b1,
    0x30b3, 0x30b5, 0x30b7, 0x30b9, 0x30bb, 0x30bd, 0x30bf, 0x30c1, 0x30c4, 0x30c6, 0x30c8, 0x30ca,
    0x30cb, 0x30cc, 0x30cd, 0x30ce, 0x30cf, 0x30d2, 0x30d5, 0x30d8, 0x30db, 0x30de, 0x30df, 0x30e0,
    0x30e1, 0x30e2, 0x30e4, 0x30e6, 0x30e8, 0x30e9, 0x30ea, 0x30eb, 0x30ec, 0x30ed, 0x30ef, 0x30f3,
    0x3099, 0x309A];
  var VOICED = [78, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1,
    0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 8, 8, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
  var SEMI = [];
  for (var s = 0; s < 88; s++) SEMI.push([41, 44, 47, 50, 53].indexOf(s) >= 0 ? 2 : 0);

  function widthFold(cps) { // cjk_width
    var r = cps.slice();
    for (var i = 0; i < r.length; i++) {
      var ch = r[i];
      if (ch >= 0xFF01 && ch <= 0xFF5E) r[i] = ch - 0xFEE0;
      else if (ch >= 0xFF65 && ch <= 0xFF9F) {
        var prev = r[i - 1];
        if ((ch === 0xFF9E || ch === 0xFF9F) && i > 0 && prev >= 0x30A6 && prev <= 0x30FD &&
            (ch === 0xFF9F ? SEMI : VOICED)[prev - 0x30A6]) {
          r[i - 1] = prev + (ch === 0xFF9F ? SEMI : VOICED)[prev - 0x30A6];
          r.splice(i, 1);
          i--;
        } else r[i] = KANA_NORM[ch - 0xFF65];
      }
    }
    return r;
  }

  function lower(cps) { // to_lower: Go's unicode.ToLower, with final sigma
    return cps.map(function (cp, i) {
      var l = String.fromCodePoint(cp).toLowerCase().codePointAt(0);
      return l === 0x3C3 && cp !== 0x3C3 && i === cps.length - 1 ? 0x3C2 : l;
    });
  }

  function cpsOf(s) { return Array.from(s, function (c) { return c.codePointAt(0); }); }
  function str(cps) { return String.fromCodePoint.apply(null, cps); }
  function foldWide(cp) { return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp; }

  // analyseAll returns the keys of text's tokens in order (a lone CJK
  // character is " " + char, looked up among single characters) and its
  // runs: the stretches of CJK characters over which bigrams chain, as
  // code points, as runs in phrase.go.
  function analyseAll(text) {
    var toks = tokenize(cpsOf(text).map(foldWide)), out = [], ring = [], last = null, run = [], runs = [];
    var words = [], wordRuns = [];
    function flush() {
      if (ring.length === 1) out.push(' ' + str(ring[0]));
      if (run.length) runs.push(run);
      ring = [];
      run = [];
    }
    function flushWords() {
      if (words.length >= 2) wordRuns.push(words);
      words = [];
    }
    toks.forEach(function (t) {
      var cps = lower(widthFold(t.cps));
      if (!t.ideo) { flush(); out.push(str(cps)); words.push(str(cps)); return; }
      flushWords();
      var pos = t.start;
      cps.forEach(function (cp) {
        if (ring.length && pos !== last) flush();
        ring.push([cp]);
        run.push(cp);
        if (ring.length > 2) ring.shift();
        if (ring.length === 2) out.push(str(ring[0].concat(ring[1])));
        last = ++pos;
      });
    });
    flush();
    flushWords();
    return { keys: out, runs: runs, words: wordRuns };
  }
  ns.analyse = function (text) { return analyseAll(text).keys; };
  ns.keys = function (q) {
    var seen = {};
    return ns.analyse(q).filter(function (k) { return seen[k] ? false : (seen[k] = true); });
  };
  // phraseKeys mirrors phraseKeys in phrase.go: a run of CJK characters
  // is a phrase, looked up as itself when it has at most gram[1]
  // characters, else as each window of gram[1]; runs shorter than gram[0]
  // are their bigrams alone. gram comes from the index's entry.
  // Quoted parts (from " or “ to the next " or ”, or the end) make their
  // adjacent words a phrase too, looked up as runs of up to gram[2] words
  // joined by "~".
  ns.phraseKeys = function (q, gram) {
    var out = [];
    function add(k) { if (out.indexOf(k) < 0) out.push(k); }
    analyseAll(q).runs.forEach(function (r) {
      if (r.length < gram[0]) return;
      var n = Math.min(gram[1], r.length);
      for (var i = 0; i + n <= r.length; i++) add('~' + str(r.slice(i, i + n)));
    });
    var re = /["\u201C]([^"\u201D]*)["\u201D]?/g, m;
    while ((m = re.exec(q))) {
      analyseAll(m[1]).words.forEach(function (w) {
        var n = Math.min(gram[2], w.length);
        for (var i = 0; i + n <= w.length; i++) add('~' + w.slice(i, i + n).join('~'));
      });
    }
    return out;
  };

  /* ---------- loading ---------- */

  var files = {}, data = {}, entry = null;
  ns.entry = function (e) { entry = e; };
  ns.shard = function (name, d) { data[name] = d; };
  function load(file) {
    if (!files[file]) {
      files[file] = new Promise(function (resolve, reject) {
        var el = document.createElement('script');
        el.src = root + 'search/' + file;
        el.onload = function () { ns.loaded.push(file); resolve(); };
        el.onerror = function () { delete files[file]; reject(new Error('无法加载搜索索引 ' + file)); };
        document.head.appendChild(el);
      });
    }
    return files[file];
  }
  function shardData(file) { return data[file.split('.')[0]]; }
  function ready() { return load('index.js').then(function () { return entry; }); }
  function shardName(s, i) { return s.p + i + '.' + s.h[Math.floor(i / s.g)] + '.js'; }
  ns.ready = ready;

  function keyHash(k) { // FNV-1a over UTF-16 units, as encode.go
    var h = 0x811c9dc5;
    for (var i = 0; i < k.length; i++) { h ^= k.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h >>> 0;
  }
  var DIG = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  function decode(s) {
    var docs = new Map(), i = 0, doc = -1;
    function read() {
      var v = 0, mul = 1, d;
      do { d = DIG.indexOf(s[i++]); v += (d & 31) * mul; mul *= 32; } while (d >= 32);
      return v;
    }
    while (i < s.length) { doc += read() + 1; docs.set(doc, read()); }
    return docs;
  }
  function decodeDocs(s) { // a phrase key's list: gaps only, see encodeDocs
    var docs = new Set(), i = 0, doc = -1;
    while (i < s.length) {
      var v = 0, mul = 1, d;
      do { d = DIG.indexOf(s[i++]); v += (d & 31) * mul; mul *= 32; } while (d >= 32);
      doc += v + 1;
      docs.add(doc);
    }
    return docs;
  }

  // match returns the documents containing every key of q, and every
  // phrase key of it, with the summed scores of the keys, or an empty Map.
  function match(q, keys) {
    return ready().then(function (e) {
      var pkeys = ns.phraseKeys(q, e.gram);
      var shardFiles = keys.map(function (k) { return shardName(e.terms, keyHash(k) % e.terms.n); });
      var phraseFiles = pkeys.map(function (k) { return shardName(e.phrases, keyHash(k) % e.phrases.n); });
      return Promise.all(shardFiles.concat(phraseFiles).map(load)).then(function () {
        var lists = keys.map(function (k, i) { return shardData(shardFiles[i])[k]; });
        var plists = pkeys.map(function (k, i) { return shardData(phraseFiles[i])[k]; });
        if (!keys.length || lists.concat(plists).some(function (l) { return l === undefined; })) return new Map();
        lists.sort(function (a, b) { return a.length - b.length; });
        var acc = decode(lists[0]);
        for (var j = 1; j < lists.length && acc.size; j++) {
          var next = new Map();
          decode(lists[j]).forEach(function (sc, d) { if (acc.has(d)) next.set(d, acc.get(d) + sc); });
          acc = next;
        }
        plists.forEach(function (l) {
          var has = decodeDocs(l);
          acc.forEach(function (sc, d) { if (!has.has(d)) acc.delete(d); });
        });
        return acc;
      });
    });
  }

  function meta() {
    return ready().then(function (e) {
      return load(e.meta).then(function () {
        var m = shardData(e.meta);
        if (!m.byDoc) {
          m.byDoc = [];
          for (var i = 0; i < e.docs; i++) {
            var v = 0;
            for (var k = 0; k < m.width; k++) v = v * 64 + DIG.indexOf(m.docs[i * m.width + k]);
            m.byDoc.push(m.combos[v]);
          }
        }
        return m.byDoc;
      });
    });
  }

  var FACETS = ['type', 'branch', 'status', 'year'];
  function facetValue(e, combo, f) {
    return [e.types, e.branches, e.statuses, e.years][FACETS.indexOf(f)][combo[FACETS.indexOf(f)]];
  }

  // search runs q; opts: {type, branch, status, year, byDate, facets}.
  // It resolves to {keys, docs: [export positions in order], scores, total,
  // facets: {type: {value: count}}} (facets only when asked or filtered).
  ns.search = function (q, opts) {
    opts = opts || {};
    var keys = ns.keys(q);
    var filtered = FACETS.some(function (f) { return opts[f]; });
    return Promise.all([match(q, keys), filtered || opts.facets ? meta() : null]).then(function (r) {
      var hits = r[0], byDoc = r[1], e = entry, counts = {};
      FACETS.forEach(function (f) { counts[f] = {}; });
      var docs = [];
      hits.forEach(function (sc, d) {
        var fails = byDoc ? FACETS.filter(function (f) {
          return opts[f] && facetValue(e, byDoc[d], f) !== opts[f];
        }) : [];
        if (byDoc) FACETS.forEach(function (f) { // a facet counts with the other filters applied
          if (fails.length === 0 || (fails.length === 1 && fails[0] === f)) {
            var v = facetValue(e, byDoc[d], f);
            counts[f][v] = (counts[f][v] || 0) + 1;
          }
        });
        if (!fails.length) docs.push(d);
      });
      docs.sort(opts.byDate ? function (a, b) { return a - b; }
        : function (a, b) { return hits.get(b) - hits.get(a) || a - b; });
      return { keys: keys, docs: docs, scores: docs.map(function (d) { return hits.get(d) / e.scale; }),
        total: docs.length, facets: byDoc ? counts : null };
    });
  };

  // records resolves to the display records of the given export positions.
  // A record's date is the day the site's calendar gives the page, shown
  // as it is: made into a Date it would be the reader's zone's day.
  ns.records = function (docs) {
    return ready().then(function (e) {
      var need = docs.map(function (d) { return shardName(e.records, Math.floor(d / e.per)); });
      return Promise.all(need.map(load)).then(function () {
        return docs.map(function (d, i) {
          var r = shardData(need[i])[d % e.per];
          return { url: r[0], title: r[1], type: e.types[r[2]], branch: e.branches[r[3]],
            status: e.statuses[r[4]], date: r[5], summary: r[6], body: r[7] };
        });
      });
    });
  };

  /* ---------- excerpts: text nodes and <mark>, never HTML ---------- */

  function normCp(cp) { return lower([foldWide(cp)])[0]; }
  function matchMask(cps, terms) {
    var norm = cps.map(normCp), mask = cps.map(function () { return false; });
    terms.forEach(function (t) {
      var tc = cpsOf(t);
      if (!tc.length) return;
      for (var i = 0; i + tc.length <= norm.length; i++) {
        var ok = true;
        for (var k = 0; k < tc.length && ok; k++) ok = norm[i + k] === tc[k];
        if (ok) for (k = 0; k < tc.length; k++) mask[i + k] = true;
      }
    });
    return mask;
  }
  // excerpt mirrors excerpt.go: a window around the first match of the
  // body (else the summary), the matches in <mark>.
  ns.excerpt = function (rec, keys) {
    var terms = keys.map(function (k) { return k.replace(/^ /, ''); });
    var text = cpsOf(rec.body || ''), at = matchMask(text, terms).indexOf(true);
    if (at < 0) {
      var s = cpsOf(rec.summary || '');
      if (s.length) { text = s; at = Math.max(matchMask(s, terms).indexOf(true), 0); } else at = 0;
    }
    var start = Math.max(at - 20, 0), end = Math.min(start + 90, text.length);
    var win = text.slice(start, end), mask = matchMask(win, terms);
    var frag = document.createDocumentFragment();
    if (start > 0) frag.appendChild(document.createTextNode('…'));
    for (var i = 0; i < win.length;) {
      var j = i;
      while (j < win.length && mask[j] === mask[i]) j++;
      var node = document.createTextNode(str(win.slice(i, j)));
      if (mask[i]) { var m = document.createElement('mark'); m.appendChild(node); node = m; }
      frag.appendChild(node);
      i = j;
    }
    if (end < text.length) frag.appendChild(document.createTextNode('…'));
    return frag;
  };

  /* ---------- UI ---------- */

  var TYPE_LABEL = { notice: '支部通知', disclosure: '党务公开', study: '学习资料', showcase: '成果展示', page: '页面' };
  var STATUS_LABEL = { upcoming: '即将公示', open: '公示中', closed: '已结束' };
  var FACET_LABEL = { type: '类型', branch: '支部', year: '年份', status: '公示状态' };
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }
  function label(f, v) { return f === 'type' ? TYPE_LABEL[v] || v : f === 'status' ? STATUS_LABEL[v] || v : v; }
  function searchPage() { return root + 'search/index.html'; }

  // resultItem is one result. On the search page it is a plain list item
  // whose title is a link Tab reaches; in the header's dropdown it is an
  // option of the combobox's listbox, which may hold no link (axe's
  // nested-interactive), so its title is text and its page is opened by
  // the dropdown (click or Enter) from data-href.
  function resultItem(rec, keys, id, option) {
    var li = el('li', 'search-result');
    li.id = id;
    var title = el(option ? 'span' : 'a', 'search-result-title', rec.title);
    if (option) {
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.href = root + rec.url;
    } else title.href = root + rec.url;
    var meta = el('p', 'search-result-meta');
    [TYPE_LABEL[rec.type] || rec.type, rec.branch, rec.date].forEach(function (t) {
      if (t) meta.appendChild(el('span', null, t));
    });
    if (rec.status) meta.appendChild(el('span', 'search-status search-status-' + rec.status, STATUS_LABEL[rec.status] || rec.status));
    var ex = el('p', 'search-excerpt');
    ex.appendChild(ns.excerpt(rec, keys));
    li.appendChild(title);
    li.appendChild(meta);
    li.appendChild(ex);
    return li;
  }

  function noResults(box, q, onQuery, filtered, clearFilters) {
    var div = el('div', 'search-empty');
    div.appendChild(el('p', 'search-empty-title', '没有找到与“' + q + '”相关的内容。'));
    var ul = el('ul');
    ['检查是否有错别字', '换用更短或更常见的词，例如“党费”“学习”', '减少关键词的数量'].forEach(function (t) { ul.appendChild(el('li', null, t)); });
    div.appendChild(ul);
    var words = q.split(/\s+/).filter(Boolean);
    if (words.length > 1 && onQuery) {
      var p = el('p', null, '分别搜索：');
      words.forEach(function (w) {
        var b = el('button', 'search-suggest', w);
        b.type = 'button';
        b.addEventListener('click', function () { onQuery(w); });
        p.appendChild(b);
      });
      div.appendChild(p);
    }
    if (filtered && clearFilters) {
      var c = el('button', 'search-suggest', '清除筛选条件');
      c.type = 'button';
      c.addEventListener('click', clearFilters);
      div.appendChild(c);
    }
    box.appendChild(div);
  }

  function debounce(fn, ms) {
    var t;
    return function () { var a = arguments; clearTimeout(t); t = setTimeout(function () { fn.apply(null, a); }, ms); };
  }

  var seq = 0;
  // dropdown turns a header search form into a WAI-ARIA combobox: the input
  // owns a popup (.search-dropdown) holding the listbox of results and,
  // beside it rather than in it, the link to all results or a message, as
  // a listbox may hold options only.
  function dropdown(form) {
    var input = form.querySelector('input[name=q]');
    if (!input || form.dataset.searchReady) return;
    form.dataset.searchReady = '1';
    var id = 'search-dropdown-' + (++seq);
    var popup = el('div', 'search-dropdown');
    popup.id = id;
    popup.hidden = true;
    var list = el('ul', 'search-options');
    list.id = id + '-options';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', '搜索结果');
    var foot = el('div', 'search-dropdown-foot');
    popup.appendChild(list);
    popup.appendChild(foot);
    form.appendChild(popup);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('autocomplete', 'off');

    function options() { return list.querySelectorAll('[role=option]'); }
    function active() { return popup.hidden ? null : list.querySelector('[aria-selected=true]'); }
    // activate makes option the active descendant (null: none).
    function activate(option) {
      var cur = list.querySelector('[aria-selected=true]');
      if (cur) cur.setAttribute('aria-selected', 'false');
      if (!option) { input.removeAttribute('aria-activedescendant'); return; }
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
    function show() {
      popup.hidden = false;
      input.setAttribute('aria-expanded', String(options().length > 0));
    }
    function close() { popup.hidden = true; input.setAttribute('aria-expanded', 'false'); activate(null); }
    function go(option) { location.href = option.dataset.href; }

    var gen = 0;
    var run = debounce(function () {
      var q = input.value.trim(), my = ++gen;
      if (!q) { close(); list.textContent = ''; foot.textContent = ''; return; }
      ns.search(q).then(function (res) {
        return ns.records(res.docs.slice(0, 8)).then(function (recs) {
          if (my !== gen) return;
          activate(null);
          list.textContent = '';
          foot.textContent = '';
          recs.forEach(function (rec, i) { list.appendChild(resultItem(rec, res.keys, list.id + '-' + i, true)); });
          list.hidden = !recs.length;
          if (!res.total) noResults(foot, q);
          else {
            var more = el('p', 'search-more');
            var a = el('a', null, '查看全部 ' + res.total + ' 条结果');
            a.href = searchPage() + '?q=' + encodeURIComponent(q);
            more.appendChild(a);
            foot.appendChild(more);
          }
          show();
        });
      }).catch(function (err) {
        if (my !== gen) return;
        activate(null);
        list.textContent = '';
        list.hidden = true;
        foot.textContent = '';
        foot.appendChild(el('p', 'search-error', err.message));
        show();
      });
    }, 150);
    input.addEventListener('input', run);
    form.searchRun = run;

    input.addEventListener('keydown', function (ev) {
      var items = options(), cur = active();
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        if (!items.length) return;
        ev.preventDefault();
        if (popup.hidden) { show(); return; } // reopen after Escape, as the pattern has it
        var i = Array.prototype.indexOf.call(items, cur);
        i = ev.key === 'ArrowDown' ? (i + 1) % items.length : (i <= 0 ? items.length : i) - 1;
        activate(items[i]);
      } else if (ev.key === 'Enter' && cur) {
        ev.preventDefault();
        go(cur);
      } else if (ev.key === 'Escape' && !popup.hidden) {
        ev.preventDefault();
        close();
      }
    });
    form.addEventListener('submit', function (ev) { // Enter on a chosen result opens it
      var cur = active();
      if (cur) { ev.preventDefault(); go(cur); }
    });
    list.addEventListener('click', function (ev) {
      var option = ev.target.closest('[role=option]');
      if (option) go(option);
    });
    // The input keeps focus while an option is clicked.
    list.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
    document.addEventListener('click', function (ev) { if (!form.contains(ev.target)) close(); });
  }

  function app(box) {
    var params = new URLSearchParams(location.search);
    var state = { q: params.get('q') || '', byDate: params.get('sort') === 'date', shown: 20 };
    FACETS.forEach(function (f) { state[f] = params.get(f) || ''; });
    var form = el('form', 'search-page-form');
    form.setAttribute('role', 'search');
    form.setAttribute('aria-label', '搜索与筛选'); // the header's search landmark is the other
    var input = el('input');
    input.type = 'search';
    input.name = 'q';
    input.value = state.q;
    input.placeholder = '输入关键词，例如：党费、三会一课';
    input.setAttribute('aria-label', '搜索');
    var sort = el('select', 'search-sort');
    sort.setAttribute('aria-label', '排序');
    [['', '按相关度'], ['date', '按日期']].forEach(function (o) {
      var opt = el('option', null, o[1]);
      opt.value = o[0];
      sort.appendChild(opt);
    });
    sort.value = state.byDate ? 'date' : '';
    form.appendChild(input);
    form.appendChild(sort);
    var status = el('p', 'search-summary');
    status.setAttribute('aria-live', 'polite');
    var facets = el('div', 'search-facets');
    var list = el('ol', 'search-results');
    list.id = 'search-results';
    var more = el('button', 'search-more-button', '显示更多');
    more.type = 'button';
    more.hidden = true;
    [form, status, facets, list, more].forEach(function (n) { box.appendChild(n); });
    input.setAttribute('aria-controls', list.id);

    function syncURL() {
      var p = new URLSearchParams();
      if (state.q) p.set('q', state.q);
      FACETS.forEach(function (f) { if (state[f]) p.set(f, state[f]); });
      if (state.byDate) p.set('sort', 'date');
      var s = p.toString();
      history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
    }
    var gen = 0;
    function render() {
      syncURL();
      var q = state.q.trim(), my = ++gen;
      list.textContent = '';
      facets.textContent = '';
      more.hidden = true;
      if (!q) { status.textContent = ''; return; }
      status.textContent = '正在搜索…';
      var opts = { facets: true, byDate: state.byDate };
      FACETS.forEach(function (f) { opts[f] = state[f]; });
      ns.search(q, opts).then(function (res) {
        return ns.records(res.docs.slice(0, state.shown)).then(function (recs) {
          if (my !== gen) return;
          status.textContent = res.total ? '找到 ' + res.total + ' 条结果' : '';
          drawFacets(res.facets);
          recs.forEach(function (rec, i) { list.appendChild(resultItem(rec, res.keys, 'search-result-' + i)); });
          if (!res.total) {
            var filtered = FACETS.some(function (f) { return state[f]; });
            noResults(list, q, function (w) { input.value = state.q = w; render(); }, filtered,
              function () { FACETS.forEach(function (f) { state[f] = ''; }); render(); });
          }
          more.hidden = res.total <= state.shown;
        });
      }).catch(function (err) { status.textContent = err.message; });
    }
    function drawFacets(counts) {
      FACETS.forEach(function (f) {
        var values = Object.keys(counts[f]).filter(function (v) { return v !== ''; });
        if (!values.length && !state[f]) return;
        values.sort(f === 'year' ? function (a, b) { return b.localeCompare(a); } : undefined);
        var group = el('fieldset', 'search-facet');
        group.appendChild(el('legend', null, FACET_LABEL[f]));
        [''].concat(values).forEach(function (v) {
          var b = el('button', 'search-facet-value', (v ? label(f, v) : '全部') + (v ? ' (' + counts[f][v] + ')' : ''));
          b.type = 'button';
          b.dataset.facet = f;
          b.dataset.value = v;
          b.setAttribute('aria-pressed', String(state[f] === v));
          b.addEventListener('click', function () { state[f] = v; state.shown = 20; render(); });
          group.appendChild(b);
        });
        facets.appendChild(group);
      });
    }
    var typed = debounce(function () { state.q = input.value; state.shown = 20; render(); }, 200);
    input.addEventListener('input', typed);
    form.addEventListener('submit', function (ev) { ev.preventDefault(); state.q = input.value; render(); });
    sort.addEventListener('change', function () { state.byDate = sort.value === 'date'; render(); });
    more.addEventListener('click', function () { state.shown += 20; render(); });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') { input.value = state.q = ''; render(); }
    });
    if (state.q) render();
  }

  function start() {
    // Wire the header boxes lazily: the first focus or keystroke sets up the
    // dropdown and begins loading the entry, never before.
    document.addEventListener('focusin', function (ev) {
      var form = ev.target.closest && ev.target.closest('form.search-form');
      if (form) { dropdown(form); ready().catch(function () {}); }
    });
    // Typing without a focus event (some embedded browsers) still works.
    document.addEventListener('input', function (ev) {
      var form = ev.target.closest && ev.target.closest('form.search-form');
      if (form && !form.dataset.searchReady) { dropdown(form); form.searchRun(); }
    });
    var box = document.getElementById('search-app');
    if (box) app(box);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
