/* pubgen search UI. Loads nothing until a search box is used; then the
 * entry search/index.js, the engine it names (written by the build with the
 * index, see internal/search/engine.js for its API) and only the shards a
 * query needs, each with a <script> element, so it works from file:// and
 * under script-src 'self'. This file owns the page: the header's dropdown
 * and the search page; how the index is read is the engine's. */
(function () {
  'use strict';
  var NS = '__pubgenSearch';
  if (window[NS] && window[NS].ready) return;
  var me = document.currentScript;
  var root = new URL('../', me ? me.src : location.href).href;
  // API is the engine interface this UI was written for: any engine whose
  // api is at least this has everything it uses (see engine.js).
  var API = 2;

  /* ---------- labels ---------- */

  // t is the UI string name with {…} filled from vars. Every string comes
  // from the theme's i18n files, as data-label-<name> attributes that the
  // layouts put on the search form and the search page's #search-app
  // (TestSearchLabels checks that each name used here is written there);
  // a missing one reads as fallback, else as its name, so that it shows.
  function t(name, vars, fallback) {
    var host = document.querySelector('[data-label-' + name + ']');
    var s = host ? host.getAttribute('data-label-' + name) : fallback != null ? fallback : name;
    return s.replace(/\{(\w+)\}/g, function (m, k) { return vars && k in vars ? String(vars[k]) : m; });
  }

  /* ---------- loading ---------- */

  // The files call back into the namespace: index.js with the entry, the
  // engine with itself, every shard with its data under its logical name
  // (its file name up to the first dot).
  var files = {}, data = {}, entry = null, engineModule = null, opened = null;
  // A shard's data is kept under the file of the script handing it over
  // (document.currentScript): shards named by their content alone (the
  // records) all call themselves by their family's name.
  var ns = window[NS] = {
    root: root, loaded: [],
    entry: function (e) { entry = e; },
    engine: function (E) { engineModule = E; },
    shard: function (name, d) {
      var cur = document.currentScript;
      data[cur && cur.dataset.file ? cur.dataset.file : name] = d;
    }
  };
  function script(file) {
    if (!files[file]) {
      files[file] = new Promise(function (resolve, reject) {
        var el = document.createElement('script');
        el.dataset.file = file;
        el.src = root + 'search/' + file;
        el.onload = function () { ns.loaded.push(file); resolve(); };
        el.onerror = function () { delete files[file]; reject(new Error(t('load-failed', { file: file }))); };
        document.head.appendChild(el);
      });
    }
    return files[file];
  }
  // load is the engine's loader: a shard file's data.
  function load(file) {
    return script(file).then(function () { return file in data ? data[file] : data[file.split('.')[0]]; });
  }
  function versionError() {
    var err = new Error(t('version'));
    err.code = 'version';
    return err;
  }
  // ready resolves to the engine opened over the site's index; a failure
  // (a file that did not load, an index of another version) is tried again
  // on the next call.
  function ready() {
    if (!opened) {
      opened = script('index.js').then(function () {
        if (!entry || !entry.engine) throw versionError(); // an index older than its engine file
        return script(entry.engine);
      }).then(function () {
        if (!engineModule || engineModule.api < API) throw versionError();
        try {
          return engineModule.open(entry, load);
        } catch (err) {
          if (err.code === 'version') throw versionError();
          throw err;
        }
      });
      opened.catch(function () { opened = null; });
    }
    return opened;
  }
  ns.ready = ready;

  // find runs q and fetches the records of its first n results.
  function find(q, opts, n) {
    return ready().then(function (engine) {
      return engine.search(q, opts).then(function (res) {
        return engine.records(res.docs.slice(0, n)).then(function (recs) {
          return { engine: engine, res: res, recs: recs };
        });
      });
    });
  }

  /* ---------- UI ---------- */

  var FACETS = ['type', 'branch', 'status', 'year'];
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }
  // label is how a facet's value reads: a type or status by its label, a
  // branch or year as it is.
  function label(f, v) { return f === 'type' || f === 'status' ? t(f + '-' + v, null, v) : v; }
  function searchPage() { return root + 'search/index.html'; }

  // resultItem is one result: the page (title, url) with the meta of rec
  // and, unless rec is null, its excerpt. On the search page it is a plain
  // list item whose title is a link Tab reaches; in the header's dropdown
  // it is an option of the combobox's listbox, which may hold no link
  // (axe's nested-interactive), so its title is text and its page is
  // opened by the dropdown (click or Enter) from data-href. A part of an
  // attachment (sub) has no meta: it is shown under its page's.
  function resultItem(engine, page, rec, keys, id, option, sub) {
    var li = el('li', sub ? 'search-result search-subresult' : 'search-result');
    li.id = id;
    var title = el(option ? 'span' : 'a', 'search-result-title', page.title);
    if (option) {
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.href = root + page.url;
    } else title.href = root + page.url;
    li.appendChild(title);
    if (!sub) {
      var meta = el('p', 'search-result-meta');
      [label('type', rec.type), rec.branch, rec.date].forEach(function (s) {
        if (s) meta.appendChild(el('span', null, s));
      });
      if (rec.status) meta.appendChild(el('span', 'search-status search-status-' + rec.status, label('status', rec.status)));
      li.appendChild(meta);
    }
    if (rec && (sub || !rec.page)) {
      var ex = el('p', 'search-excerpt');
      engine.excerpt(rec, keys).forEach(function (piece) {
        ex.appendChild(piece.mark ? el('mark', null, piece.text) : document.createTextNode(piece.text));
      });
      li.appendChild(ex);
    }
    return li;
  }

  // results adds the records to list grouped by page: a page, then the
  // parts of its attachments that matched (a PDF page…) as sub-results
  // naming the file and linking to it. A page that matched only through
  // an attachment is shown by its title and meta, without an excerpt. In
  // the dropdown every result is an option of the one listbox, the parts
  // after their page; on the search page the parts are a list inside the
  // page's item.
  function results(list, engine, recs, keys, prefix, option) {
    var n = 0;
    engine.group(recs).forEach(function (g) {
      var head = resultItem(engine, g.page, g.rec || g.parts[0], keys, prefix + n++, option, false);
      if (!g.rec) head.classList.add('search-result-via');
      list.appendChild(head);
      if (!g.parts.length) return;
      var subs = option ? list : head.appendChild(el('ul', 'search-subresults'));
      g.parts.forEach(function (p) {
        subs.appendChild(resultItem(engine, p, p, keys, prefix + n++, option, true));
      });
    });
  }

  function noResults(box, q, onQuery, filtered, clearFilters) {
    var div = el('div', 'search-empty');
    div.appendChild(el('p', 'search-empty-title', t('none', { q: q })));
    var ul = el('ul');
    [t('tip-typo'), t('tip-shorter'), t('tip-fewer')].forEach(function (s) { ul.appendChild(el('li', null, s)); });
    div.appendChild(ul);
    var words = q.split(/\s+/).filter(Boolean);
    if (words.length > 1 && onQuery) {
      var p = el('p', null, t('each'));
      words.forEach(function (w) {
        var b = el('button', 'search-suggest', w);
        b.type = 'button';
        b.addEventListener('click', function () { onQuery(w); });
        p.appendChild(b);
      });
      div.appendChild(p);
    }
    if (filtered && clearFilters) {
      var c = el('button', 'search-suggest', t('clear-filters'));
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
    list.setAttribute('aria-label', t('results'));
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
      find(q, {}, 8).then(function (r) {
        var res = r.res, recs = r.recs;
        if (my !== gen) return;
        activate(null);
        list.textContent = '';
        foot.textContent = '';
        results(list, r.engine, recs, res.keys, list.id + '-', true);
        list.hidden = !recs.length;
        if (!res.total) noResults(foot, q);
        else {
          var more = el('p', 'search-more');
          var a = el('a', null, t('all-results', { n: res.total }));
          a.href = searchPage() + '?q=' + encodeURIComponent(q);
          more.appendChild(a);
          foot.appendChild(more);
        }
        show();
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
    form.setAttribute('aria-label', t('form')); // the header's search landmark is the other
    var input = el('input');
    input.type = 'search';
    input.name = 'q';
    input.value = state.q;
    input.placeholder = t('page-placeholder');
    input.setAttribute('aria-label', t('query'));
    var sort = el('select', 'search-sort');
    sort.setAttribute('aria-label', t('sort'));
    [['', t('by-relevance')], ['date', t('by-date')]].forEach(function (o) {
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
    var more = el('button', 'search-more-button', t('more'));
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
      status.textContent = t('searching');
      var opts = { facets: true, byDate: state.byDate };
      FACETS.forEach(function (f) { opts[f] = state[f]; });
      find(q, opts, state.shown).then(function (r) {
        var res = r.res, recs = r.recs;
        if (my !== gen) return;
        status.textContent = res.total ? t('found', { n: res.total }) : '';
        drawFacets(res.facets);
        results(list, r.engine, recs, res.keys, 'search-result-', false);
        if (!res.total) {
          var filtered = FACETS.some(function (f) { return state[f]; });
          noResults(list, q, function (w) { input.value = state.q = w; render(); }, filtered,
            function () { FACETS.forEach(function (f) { state[f] = ''; }); render(); });
        }
        more.hidden = res.total <= state.shown;
      }).catch(function (err) { status.textContent = err.message; });
    }
    function drawFacets(counts) {
      FACETS.forEach(function (f) {
        var values = Object.keys(counts[f]).filter(function (v) { return v !== ''; });
        if (!values.length && !state[f]) return;
        values.sort(f === 'year' ? function (a, b) { return b.localeCompare(a); } : undefined);
        var group = el('fieldset', 'search-facet');
        group.appendChild(el('legend', null, t('facet-' + f)));
        [''].concat(values).forEach(function (v) {
          var b = el('button', 'search-facet-value', v ? t('facet-value', { value: label(f, v), n: counts[f][v] }) : t('all'));
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
