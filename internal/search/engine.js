/* pubgen search engine: the browser's half of internal/search.
 *
 * It is owned and versioned with the index: the export writes this file
 * next to the shards, under a name that changes with its content, and the
 * index's entry (search/index.js) names it, so a site's theme can change
 * how results look but never how the shards are read. It touches neither
 * the DOM nor any global but the one it registers itself with, so that it
 * runs under node --test (engine_test.js) as it does in a page.
 *
 * API (the UI, themes/default/assets/search.js, is its only user):
 *
 *   __pubgenSearch.engine(E) is how the file hands over E (under Node,
 *   module.exports = E):
 *     E.api      the API's version: it grows by one with each addition, and
 *                nothing is ever removed or changed under the same name, so
 *                a UI works with any engine whose api is at least the one
 *                it was written for (a site's copy of the theme may be
 *                older than its pubgen).
 *     E.format   the index format this engine reads (analysisVersion).
 *     E.open(entry, load) returns an engine over the entry's index, or
 *       throws an Error whose code is 'version' when entry.v is not
 *       E.format. load(file) must resolve to the data of the shard file
 *       (its __pubgenSearch.shard call's second argument), file being a
 *       name relative to search/.
 *     E.analyse(text), E.keys(q), E.phraseKeys(q, gram): the analysis.
 *   An engine:
 *     docs                 the number of documents.
 *     search(q, opts)      resolves to {keys, docs, scores, total, facets};
 *       opts: {type, branch, status, year, byDate, facets}; docs are
 *       export positions in result order, facets {facet: {value: count}}
 *       when asked for or filtered.
 *     records(docs)        resolves to the display records of positions:
 *       {url, title, type, branch, status, date, summary, body, page};
 *       page is null, or for a part of an attachment (a PDF page…) the
 *       {url, title} of the page it is attached to.
 *     group(recs)          the records in groups by page, in order of each
 *       group's best: [{page: {url, title}, rec (the page's own record or
 *       null), parts: [attachment records]}].
 *     excerpt(rec, keys)   the excerpt as [{text, mark}] pieces, to be
 *       shown as text nodes (never as HTML).
 *     analyse, keys, phraseKeys(q)   the analysis, with the entry's limits.
 *     facets               the facet names, in filter order.
 *
 * The analyser mirrors internal/search (bleve's cjk analyzer after a
 * full-width fold) exactly; the scores are score.go's formula over what the
 * shards carry (frequencies, static weights, levels), in the same float64
 * operations, summed as integers. */
(function (register) {
  'use strict';
  // API is the version of the interface above; INDEX_FORMAT the index format,
  // analysisVersion in mapping.go (TestEngineFormat holds them together).
  var API = 2; // 2: group, record.page
  var INDEX_FORMAT = 'pubgen-search-13';

  /* ---------- analysis: bleve's unicode tokenizer, cjk_width, to_lower, cjk_bigram ---------- */

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
  // analyse returns the keys of text's tokens in order, as analyseKeys in
  // analysis.go.
  function analyse(text) { return analyseAll(text).keys; }
  // keys is analyse without repeats: the keys a query looks up.
  function keys(q) {
    var seen = {};
    return analyse(q).filter(function (k) { return seen[k] ? false : (seen[k] = true); });
  }
  // phraseKeys mirrors phraseKeys in phrase.go: a run of CJK characters
  // is a phrase, looked up as itself when it has at most gram[1]
  // characters, else as each window of gram[1]; runs shorter than gram[0]
  // are their bigrams alone. gram comes from the index's entry.
  // Quoted parts (from " or “ to the next " or ”, or the end) make their
  // adjacent words a phrase too, looked up as runs of up to gram[2] words
  // joined by "~".
  function phraseKeys(q, gram) {
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
  }

  /* ---------- decoding: encode.go ---------- */

  var DIG = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  function keyHash(k) { // FNV-1a over UTF-16 units, as encode.go
    var h = 0x811c9dc5;
    for (var i = 0; i < k.length; i++) { h ^= k.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h >>> 0;
  }
  // Every family of shards is named by content through directories
  // (shards.go): the entry lists the directories' hashes, a directory its
  // members' hashes, HASH characters each, one after another; a shard is
  // prefix + number + '.' + hash + '.js', or without the number in an
  // unnumbered family (s.u: the records, whose number is a position that
  // an added or deleted page moves), whose hashes are s.w characters long
  // when the entry says so. An inline family (s.i: the tail's few shards)
  // has no directory: the entry lists its shards' hashes.
  var HASH = 7;
  function loadShard(load, s, i) {
    if (s.i) return load(s.p + i + '.' + s.h.slice(i * HASH, (i + 1) * HASH) + '.js');
    var j = Math.floor(i / s.g);
    return load(s.p + 'd' + j + '.' + s.h.slice(j * HASH, (j + 1) * HASH) + '.js').then(function (hashes) {
      var w = s.w || HASH, at = (i % s.g) * w;
      return load(s.p + (s.u ? '' : i) + '.' + hashes.slice(at, at + w) + '.js');
    });
  }
  // bucket is the shard of a key hash among n, by linear hashing (bucket in shards.go).
  function bucket(h, n) {
    if (n <= 1) return 0;
    var k = 31 - Math.clz32(n), b = h % Math.pow(2, k + 1);
    return b >= n ? h % Math.pow(2, k) : b;
  }
  // phraseGroup mirrors phrase.go: the part of a phrase key that picks its shard.
  function phraseGroup(k) {
    var body = k.slice(1);
    if (body.indexOf('~') >= 0) return '~' + body.split('~').slice(0, 2).join('~');
    var cps = Array.from(body);
    return cps.length > 4 ? '~' + cps.slice(0, 4).join('') : k;
  }
  // phraseParent mirrors phrase.go.
  function phraseParent(k) {
    var p = k.indexOf('~', 1) > 0 ? k.slice(0, k.lastIndexOf('~')) : Array.from(k).slice(0, -1).join('');
    return p.length > 1 && phraseGroup(p) === phraseGroup(k) ? p : '';
  }
  // reader reads the varints of s from position i on (appendVarint).
  function reader(s, i) {
    return {
      more: function () { return i < s.length; },
      next: function () {
        var v = 0, mul = 1, d;
        do { d = DIG.indexOf(s[i++]); v += (d & 31) * mul; mul *= 32; } while (d >= 32);
        return v;
      },
      skip: function (n) { var at = i; i += n; return at; }
    };
  }
  // bitmap is the documents of the n digits of s from i: bit j of digit k
  // is document 6k+j (appendBitmap).
  function bitmap(s, i, n) {
    var out = [];
    for (var k = 0; k < n; k++) {
      var v = DIG.indexOf(s[i + k]);
      for (var j = 0; j < 6; j++) if (v & (1 << j)) out.push(6 * k + j);
    }
    return out;
  }
  // unpackBits reads n values of w bits from s at i, low bit first, six
  // bits a digit (packBits in encode.go).
  function unpackBits(s, i, n, w) {
    var out = [];
    for (var k = 0; k < n; k++) {
      var v = 0;
      for (var b = 0; b < w; b++) {
        var bit = k * w + b;
        if (DIG.indexOf(s[i + Math.floor(bit / 6)]) & (1 << (bit % 6))) v += 1 << b;
      }
      out.push(v);
    }
    return out;
  }
  // decodeText reads a text key's list (encodeTextPostings in encode.go),
  // as gaps, or as a bitmap after '*' with the codes packed after it:
  // document → [body frequency, static weight].
  function decodeText(s) {
    var docs = new Map(), r, doc = -1, code;
    if (s.charAt(0) === '*') {
      r = reader(s, 1);
      var n = r.next(), list = bitmap(s, r.skip(n), n), w = DIG.indexOf(s[r.skip(1)]);
      var codes = unpackBits(s, r.skip(Math.ceil(list.length * w / 6)), list.length, w), esc = Math.pow(2, w) - 1;
      list.forEach(function (d, k) {
        code = codes[k] === esc ? esc + r.next() : codes[k];
        docs.set(d, [Math.floor(code / 2), code % 2 ? r.next() : 0]);
      });
      return docs;
    }
    for (r = reader(s, 0); r.more();) {
      doc += r.next() + 1;
      code = r.next();
      docs.set(doc, [Math.floor(code / 2), code % 2 ? r.next() : 0]);
    }
    return docs;
  }
  // docList reads a char or phrase key's documents, ascending (encodeDocs).
  function docList(s) {
    if (s.charAt(0) === '*') return bitmap(s, 1, s.length - 1);
    for (var r = reader(s, 0), doc = -1, out = []; r.more();) out.push(doc += r.next() + 1);
    return out;
  }
  function docSet(l) { return new Map(l.map(function (d) { return [d, null]; })); }
  // phraseDocs is k's documents in its shard d, undefined for none; '=' and
  // '/' are all or some of its parent's (phraseParent, encodeSubset).
  function phraseDocs(d, k) {
    var s = d[k], c = s && s.charAt(0);
    if (c !== '=' && c !== '/') return s && docList(s);
    var p = phraseDocs(d, phraseParent(k));
    return c === '=' ? p : docList(s.slice(1)).map(function (i) { return p[i]; });
  }
  // unpackLevels reads the n levels of the level file (packLevels in
  // encode.go): a canonical Huffman code, its lengths first.
  function unpackLevels(s, n) {
    var r = reader(s, 0), m = r.next(), lens = [], i, l;
    for (i = 0; i < m; i++) { var at = r.skip(2); lens.push([DIG.indexOf(s[at]), DIG.indexOf(s[at + 1])]); }
    lens.sort(function (a, b) { return a[1] - b[1] || a[0] - b[0]; });
    var sym = {}, code = 0, len = 0;
    lens.forEach(function (x) { // canonicalCodes
      while (len < x[1]) { code *= 2; len++; }
      sym[len + ':' + code] = x[0];
      code++;
    });
    var out = [], start = r.skip(0);
    code = 0;
    len = 0;
    for (var bit = 0; out.length < n; bit++) {
      code = code * 2 + ((DIG.indexOf(s[start + Math.floor(bit / 6)]) >> (bit % 6)) & 1);
      len++;
      l = sym[len + ':' + code];
      if (l !== undefined) { out.push(l); code = 0; len = 0; }
    }
    return out;
  }
  // The scorer of score.go, in the same float64 operations in the same order.
  function levelLength(l) {
    var n = 1;
    for (var i = 0; i < l; i++) n += Math.max(1, Math.floor(n / 5));
    return n;
  }
  function idf(n, df) { return 1 + Math.log(n / (df + 1)); }
  function keyScore(e, w, p, norm) { // p is [tb, s] for a text key, null for a char key
    var x = p ? p[1] / e.static + Math.sqrt(p[0]) * norm : norm;
    return Math.floor(e.scale * (w * w) * x + 0.5);
  }

  var FACETS = ['type', 'branch', 'status', 'year'];

  // versionError is the refusal of an index this engine cannot read.
  function versionError(got) {
    var err = new Error('search index format ' + JSON.stringify(got) + ', this engine reads ' + JSON.stringify(INDEX_FORMAT));
    err.code = 'version';
    err.got = got;
    err.want = INDEX_FORMAT;
    return err;
  }

  function open(e, load) {
    if (!e || e.v !== INDEX_FORMAT) throw versionError(e && e.v);

    // match returns the documents containing every key of q, and every
    // phrase key of it, with their scores, or an empty Map.
    function match(q, ks) {
      var pkeys = phraseKeys(q, e.gram);
      // shardList is what the shard of hash h in family s holds of key k,
      // read from the shard's data by get.
      function shardList(s, h, k, get) {
        return s.n ? loadShard(load, s, bucket(h, s.n)).then(function (d) { return get(d, k); }) : Promise.resolve(undefined);
      }
      // list is a key's postings, {main, tail}, from its main family and
      // the tail's (the documents from e.tail on, counted from there).
      function list(main, tail, h, k, get) {
        return Promise.all([shardList(main, h, k, get), shardList(tail, h, k, get)]).then(function (p) {
          return p[0] === undefined && p[1] === undefined ? undefined : { main: p[0], tail: p[1] };
        });
      }
      // decode reads both parts of a list into one Map of documents.
      function decode(l, dec) {
        var docs = l.main === undefined ? new Map() : dec(l.main);
        if (l.tail !== undefined) dec(l.tail).forEach(function (v, d) { docs.set(d + e.tail, v); });
        return docs;
      }
      function entryOf(d, k) { return d[k]; }
      function charDocs(s) { return docSet(docList(s)); }
      var lists = ks.map(function (k) { return list(e.terms, e.tterms, keyHash(k), k, entryOf); })
        .concat(pkeys.map(function (k) { return list(e.phrases, e.tphrases, keyHash(phraseGroup(k)), k, phraseDocs); }));
      return Promise.all(lists).then(function (all) {
        if (!ks.length || all.some(function (l) { return l === undefined; })) return new Map();
        var terms = ks.map(function (k, i) { return decode(all[i], k.charAt(0) === ' ' ? charDocs : decodeText); });
        var sets = terms.concat(all.slice(ks.length).map(function (l) { return decode(l, docSet); }));
        var smallest = sets.reduce(function (a, b) { return b.size < a.size ? b : a; });
        var docs = [];
        smallest.forEach(function (_, d) {
          if (sets.every(function (s) { return s.has(d); })) docs.push(d);
        });
        return (docs.length ? levels() : Promise.resolve(null)).then(function (level) {
          var idfs = terms.map(function (t) { return idf(e.docs, t.size); }), acc = new Map();
          docs.forEach(function (d) {
            var norm = 1 / Math.sqrt(levelLength(level(d))), sc = 0;
            terms.forEach(function (t, i) { sc += keyScore(e, idfs[i], t.get(d), norm); });
            acc.set(d, sc);
          });
          return acc;
        });
      });
    }

    // levels resolves to a function from a document to its length level,
    // from the level file (one for the site, see renderLevels), decoded once.
    var byLevel = null;
    function levels() {
      return load(e.levels).then(function (packed) {
        if (!byLevel) byLevel = unpackLevels(packed, e.docs);
        return function (d) { return byLevel[d]; };
      });
    }

    var byDoc = null;
    // meta resolves to every document's facet tuple, by export position.
    function meta() {
      if (byDoc) return Promise.resolve(byDoc);
      return load(e.meta).then(function (m) {
        if (!byDoc) {
          byDoc = [];
          for (var i = 0; i < e.docs; i++) {
            var v = 0;
            for (var k = 0; k < m.width; k++) v = v * 64 + DIG.indexOf(m.docs[i * m.width + k]);
            byDoc.push(m.combos[v]);
          }
        }
        return byDoc;
      });
    }

    function facetValue(combo, f) {
      return [e.types, e.branches, e.statuses, e.years][FACETS.indexOf(f)][combo[FACETS.indexOf(f)]];
    }

    function search(q, opts) {
      opts = opts || {};
      var ks = keys(q);
      var filtered = FACETS.some(function (f) { return opts[f]; });
      return Promise.all([match(q, ks), filtered || opts.facets ? meta() : null]).then(function (r) {
        var hits = r[0], byDoc = r[1], counts = {};
        FACETS.forEach(function (f) { counts[f] = {}; });
        var docs = [];
        hits.forEach(function (sc, d) {
          var fails = byDoc ? FACETS.filter(function (f) {
            return opts[f] && facetValue(byDoc[d], f) !== opts[f];
          }) : [];
          if (byDoc) FACETS.forEach(function (f) { // a facet counts with the other filters applied
            if (fails.length === 0 || (fails.length === 1 && fails[0] === f)) {
              var v = facetValue(byDoc[d], f);
              counts[f][v] = (counts[f][v] || 0) + 1;
            }
          });
          if (!fails.length) docs.push(d);
        });
        // Positions run oldest first: newest first is the later position.
        docs.sort(opts.byDate ? function (a, b) { return b - a; }
          : function (a, b) { return hits.get(b) - hits.get(a) || b - a; });
        return { keys: ks, docs: docs, scores: docs.map(function (d) { return hits.get(d) / e.scale; }),
          total: docs.length, facets: byDoc ? counts : null };
      });
    }

    // records resolves to the display records of the given export
    // positions. A record's date is the day the site's calendar gives the
    // page, shown as it is: made into a Date it would be the reader's
    // zone's day.
    function records(docs) {
      return Promise.all(docs.map(function (d) { return loadShard(load, e.records, Math.floor(d / e.per)); })).then(function (data) {
        return docs.map(function (d, i) {
          var r = data[i][d % e.per];
          return { url: r[0], title: r[1], type: e.types[r[2]], branch: e.branches[r[3]],
            status: e.statuses[r[4]], date: r[5], summary: r[6], body: r[7],
            page: r.length > 8 ? { url: r[8], title: r[9] } : null };
        });
      });
    }

    return {
      docs: e.docs, facets: FACETS.slice(), search: search, records: records, excerpt: excerpt, group: group,
      analyse: analyse, keys: keys, phraseKeys: function (q) { return phraseKeys(q, e.gram); }
    };
  }

  // group gathers records (in result order) by the page they are on: a
  // page's own record and the parts of its attachments form one group, at
  // the place of whichever of them came first.
  function group(recs) {
    var out = [], at = {};
    recs.forEach(function (r) {
      var page = r.page || { url: r.url, title: r.title }, g = at[page.url];
      if (!g) out.push(g = at[page.url] = { page: page, rec: null, parts: [] });
      if (r.page) g.parts.push(r); else g.rec = r;
    });
    return out;
  }

  /* ---------- excerpts: excerpt.go ---------- */

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
  // body (else the summary), as pieces of text, the matches marked.
  function excerpt(rec, ks) {
    var terms = ks.map(function (k) { return k.replace(/^ /, ''); });
    var text = cpsOf(rec.body || ''), at = matchMask(text, terms).indexOf(true);
    if (at < 0) {
      var s = cpsOf(rec.summary || '');
      if (s.length) { text = s; at = Math.max(matchMask(s, terms).indexOf(true), 0); } else at = 0;
    }
    var start = Math.max(at - 20, 0), end = Math.min(start + 90, text.length);
    var win = text.slice(start, end), mask = matchMask(win, terms), out = [];
    if (start > 0) out.push({ text: '…', mark: false });
    for (var i = 0; i < win.length;) {
      var j = i;
      while (j < win.length && mask[j] === mask[i]) j++;
      out.push({ text: str(win.slice(i, j)), mark: mask[i] });
      i = j;
    }
    if (end < text.length) out.push({ text: '…', mark: false });
    return out;
  }

  register({ api: API, format: INDEX_FORMAT, open: open, analyse: analyse, keys: keys, phraseKeys: phraseKeys });
})(typeof module === 'object' && module.exports ? function (E) { module.exports = E; }
  : function (E) { self.__pubgenSearch.engine(E); });
