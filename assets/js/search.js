// Signpost search. The page works without this file: it lists every topic,
// age and app. With it, the search form appears and queries the index of
// the page's language that signpost build writes (see internal/search), at
// the address this script's data-index gives: meta.json first, then one
// shard of terms per query word and the chunks of pages the results show.
// Nothing is sent anywhere but this site. The ranking code
// (search-engine.js, this script's data-engine) is fetched only when a
// reader starts a search; the words shown come from the page (the status's
// data- attributes), in its language. The script is in the page's head, so
// that a ?q= link's search starts before the page is laid out.
(function () {
  "use strict";

  var d = document, me = d.currentScript;
  if (!me || !window.fetch || !window.Promise) return;
  var base = me.dataset.index, files = {}, meta, results, shown, query, engine, form, input, status, list, more, say;
  // plural is the plural form of n in the page's language ("one", "few"…).
  function plural(n) {
    try {
      return new Intl.PluralRules(d.documentElement.lang || undefined).select(n);
    } catch (e) {
      return "other";
    }
  }
  // text fills a sentence of the page's with a count and the query.
  function text(s, n, q) {
    return s.replace("{n}", n).replace("{q}", q);
  }
  // rank loads the ranking code (search-engine.js), once.
  function rank() {
    return (engine =
      engine ||
      new Promise(function (ok, fail) {
        var s = d.createElement("script");
        s.src = me.dataset.engine;
        s.integrity = me.dataset.integrity;
        s.onload = function () {
          ok(self.signpostSearch);
        };
        s.onerror = function () {
          engine = 0;
          fail();
        };
        d.head.appendChild(s);
      }));
  }
  // load fetches a file of the index once; a failed fetch is tried again
  // the next time. meta.json is small and every query needs it: it is
  // fetched now, and revalidated; the other files' URLs carry its hash.
  function load(name) {
    return (
      files[name] ||
      (files[name] = fetch(base + name + (meta ? "?v=" + meta.hash : ""), meta ? {} : { cache: "no-cache" })
        .then(function (r) {
          if (!r.ok) throw Error(r.status);
          return r.json();
        })
        .catch(function (e) {
          delete files[name];
          throw e;
        }))
    );
  }
  function fetched(name) {
    return files[name] || Promise.reject(Error(name));
  }
  function loadMeta() {
    return meta
      ? Promise.resolve(meta)
      : load("meta.json").then(function (m) {
          return (meta = m);
        });
  }
  loadMeta().catch(function () {});
  // ready calls fn with the ranking code once it and meta.json are loaded.
  function ready(fn) {
    return Promise.all([rank(), loadMeta()]).then(function (a) {
      return fn(a[0]);
    });
  }
  // ranked ranks the pages for q, once for the same query in a row (typed,
  // then Search). While a reader types (some), it uses only the shards
  // fetched or on the way, so that Search finds the query ranked; if that
  // fails for want of a shard, it is ranked in full when asked.
  var last = {};
  function ranked(q, some) {
    function run(get) {
      return ready(function (e) {
        return e.rank(q, meta, get);
      });
    }
    if (last.q !== q) last = { q: q, some: some, r: run(some ? fetched : load) };
    else if (last.some && !some)
      last = {
        q: q,
        r: last.r.catch(function () {
          return run(load);
        }),
      };
    var r = last.r;
    r.catch(function () {
      if (last.r == r) last = {};
    });
    return r;
  }
  // early fetches the pages of q's first results, before they are shown.
  function early(q) {
    ranked(q)
      .then(function (r) {
        r.slice(0, 10).forEach(function (r) {
          chunk(r).catch(function () {});
        });
      })
      .catch(function () {});
  }
  // chunk is the file of a result's title, address and headings.
  function chunk(r) {
    return load("d" + Math.floor(r.id / meta.chunk) + ".json");
  }
  function el(tag, text, href) {
    var e = d.createElement(href ? "a" : tag);
    e.textContent = text;
    if (href) {
      e.href = href;
      var p = d.createElement(tag);
      p.appendChild(e);
      return p;
    }
    return e;
  }
  // show adds the next 10 results to the list.
  function show() {
    var mine = results, next = results.slice(shown, shown + 10), first = shown == 0;
    shown += next.length;
    return Promise.all(next.map(chunk)).then(function (chunks) {
      var focus;
      if (mine != results) return; // a newer query is showing
      next.forEach(function (r, i) {
        var page = chunks[i][r.id % meta.chunk], li = d.createElement("li"), h = page[3], s = 2 * (r.section - 1);
        li.appendChild(el("p", page[0], page[1])).className = "search-title";
        if (page[2]) li.appendChild(el("p", page[2]));
        if (r.section && h[s]) {
          var p = el("p", say.section + " ");
          p.appendChild(el("span", h[s], page[1] + "#" + h[s + 1]).firstChild);
          li.appendChild(p).className = "search-section";
        }
        list.appendChild(li);
        focus = focus || li.querySelector("a");
      });
      more.hidden = shown >= results.length;
      if (!first && focus) focus.focus();
    });
  }
  function search(q) {
    query = q;
    list.textContent = "";
    more.hidden = true;
    if (!q.trim()) {
      status.textContent = "";
      return;
    }
    status.textContent = say.searching;
    ranked(q)
      .then(function (r) {
        if (q != query) return;
        results = r.slice(); // this search's own: a newer one replaces it
        shown = 0;
        return show().then(function () {
          var n = results.length;
          status.textContent = text(n ? say[plural(n)] || say.other : say.none, n, q);
        });
      })
      .catch(function () {
        status.textContent = say.error;
      });
  }
  var q = new URLSearchParams(location.search).get("q");
  // A ?q= link's query is ranked, and its first results' pages fetched,
  // while the page loads; start shows them.
  if (q) early(q);
  // start shows the form and wires it, once the page is parsed.
  function start() {
    form = d.querySelector("[data-search]");
    if (!form) return;
    input = form.querySelector("input");
    status = d.querySelector("[data-search-status]");
    list = d.querySelector("[data-search-results]");
    more = d.querySelector("[data-search-more]");
    say = status.dataset;
    form.hidden = false;
    form.addEventListener("focusin", rank);
    // While a reader types, what the query needs is fetched: the shards of
    // the words typed, the word being typed's too from its third letter (its
    // later beginnings are nearly always in the same shard: 0.2 more shards a
    // word on a 10,000-page site), and when typing stops for a moment the
    // first results' pages, so that Search shows them at once. Text that
    // arrives whole (pasted, filled in, chosen from the browser's list) is
    // ranked at once: no more keys are coming to waste the work on.
    var typing, was = "";
    input.addEventListener("input", function () {
      var q = input.value, whole = q.length > was.length + 1;
      was = q;
      clearTimeout(typing);
      ready(function (e) {
        e.prefetch(q.replace(/(^|\s)\S{1,2}$/, "$1"), meta, load);
      }).catch(function () {});
      ranked(q, 1).catch(function () {});
      typing = setTimeout(early, whole ? 0 : 150, q);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(typing);
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      search(input.value);
    });
    more.addEventListener("click", show);
    if (q) search((input.value = q));
  }
  if (d.readyState == "loading") d.addEventListener("DOMContentLoaded", start);
  else start();
})();
