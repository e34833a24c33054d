// Signpost search. The page works without this file: it lists every topic,
// age and app. With it, the search form appears and queries the index that
// signpost build writes to search-index/ (see internal/search): meta.json
// first, then one shard of terms per query word and the chunks of pages
// the results show. Nothing is sent anywhere but this site.
(function () {
  "use strict";

  // The Porter stemmer, as internal/search/stem.go: change both together.
  function cons(w, i) {
    var c = w[i];
    return "aeiou".indexOf(c) < 0 && (c != "y" || i == 0 || !cons(w, i - 1));
  }
  function cv(w) {
    for (var s = "", i = 0; i < w.length; i++) s += cons(w, i) ? "c" : "v";
    return s;
  }
  function measure(w) {
    return (cv(w).match(/v+c/g) || []).length;
  }
  function vowel(w) {
    return cv(w).indexOf("v") >= 0;
  }
  function cvc(w) {
    return /cvc$/.test(cv(w)) && !/[wxy]$/.test(w);
  }
  var S2 = "ational,ate,tional,tion,enci,ence,anci,ance,izer,ize,abli,able,alli,al,entli,ent,eli,e,ousli,ous,ization,ize,ation,ate,ator,ate,alism,al,iveness,ive,fulness,ful,ousness,ous,aliti,al,iviti,ive,biliti,ble".split(",");
  var S3 = "icate,ic,ative,,alize,al,iciti,ic,ical,ic,ful,,ness,".split(",");
  var S4 = "al,,ance,,ence,,er,,ic,,able,,ible,,ant,,ement,,ment,,ent,,ion,,ou,,ism,,ate,,iti,,ous,,ive,,ize,".split(",");
  // rules applies the rule with the longest suffix, if its stem measures
  // more than min.
  function rules(w, list, min) {
    for (var best = -1, i = 0; i < list.length; i += 2) {
      if (w.endsWith(list[i]) && (best < 0 || list[i].length > list[best].length)) best = i;
    }
    if (best < 0) return w;
    var s = w.slice(0, w.length - list[best].length);
    return measure(s) > min && (list[best] != "ion" || /[st]$/.test(s)) ? s + list[best + 1] : w;
  }
  function stem(w) {
    if (w.length < 3 || /[^a-z]/.test(w)) return w;
    var s, r;
    w = w.replace(/(ss|i)es$/, "$1").replace(/([^s])s$/, "$1");
    if (/eed$/.test(w)) {
      if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
    } else if ((r = /(ed|ing)$/.exec(w)) && vowel((s = w.slice(0, r.index)))) {
      w = s;
      if (/(at|bl|iz)$/.test(w)) w += "e";
      else if (w.slice(-1) == w.slice(-2, -1) && cons(w, w.length - 1) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      else if (measure(w) == 1 && cvc(w)) w += "e";
    }
    if (/y$/.test(w) && vowel(w.slice(0, -1))) w = w.slice(0, -1) + "i";
    w = rules(rules(rules(w, S2, 0), S3, 0), S4, 1);
    if (/e$/.test(w)) {
      s = w.slice(0, -1);
      r = measure(s);
      if (r > 1 || (r == 1 && !cvc(s))) w = s;
    }
    if (/ll$/.test(w) && measure(w) > 1) w = w.slice(0, -1);
    return w;
  }

  // words splits text as internal/search.Words does.
  function words(text) {
    return text
      .toLowerCase()
      .replace(/['’]/g, "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(function (w) {
        return w && w.length <= 40;
      });
  }

  // A term's pages are packed in a string: numbers of 5 bits a character,
  // low bits first, the sixth bit set when another character follows (see
  // internal/search/index.go). Each page is the distance from the last
  // page, then score << 7 | in-title << 6 | section.
  var digit = new Int8Array(128);
  for (var i = 0; i < 64; i++) digit["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".charCodeAt(i)] = i;

  // rank finds the pages for query q. load(name) fetches a file of the
  // index as JSON; meta is meta.json. Pages come best first, as
  // {id, score, section}. Each query word counts by how rare its term is;
  // a synonym (0.6) or a longer word it starts (0.5) counts less, and a page
  // loses much for each query word it does not have. A question ("how do
  // I report") ranks the pages that answer questions (meta.answers) higher;
  // the first of them ("Worried right now?") rank a little higher always.
  function rank(q, meta, load) {
    var stop = {}, ws = [], ask = 1, answer = {};
    meta.stop.forEach(function (w) {
      stop[w] = 1;
    });
    words(q).forEach(function (w) {
      if ((meta.ask || []).indexOf(w) >= 0) ask = 1.5;
    });
    (meta.answers || []).forEach(function (d, i) {
      answer[d] = ask * (i < meta.first ? 1.1 : 1);
    });
    words(q).forEach(function (w) {
      if (!stop[w] && ws.indexOf((w = stem(w))) < 0) ws.push(w);
    });
    if (!ws.length)
      return Promise.resolve(
        ask > 1
          ? meta.answers.map(function (id, i) {
              return { id: id, score: 1 / (i + 1), section: 0 };
            })
          : []
      );
    function shard(t) {
      for (var i = meta.bounds.length - 1; i > 0 && meta.bounds[i] > t; i--);
      return i < 0 ? {} : load("t" + i + ".json");
    }
    return Promise.all(
      ws.map(function (w) {
        var alts = [w].concat(meta.syn[w] || []);
        return Promise.all(alts.map(shard)).then(function (shards) {
          var found = [];
          alts.forEach(function (t, i) {
            if (shards[i][t]) found.push([i ? 0.6 : 1, shards[i][t]]);
          });
          if (!shards[0][w] && w.length > 2) {
            Object.keys(shards[0]).forEach(function (t) {
              if (found.length < 12 && (t.startsWith(w) || (t.length > 3 && w.startsWith(t)))) found.push([0.5, shards[0][t]]);
            });
          }
          return found;
        });
      })
    ).then(function (perWord) {
      // For each word and page: the best score, and where (the section,
      // negative when the title has the word).
      var N = meta.docs, W = ws.length, score = [], where = [], out = [];
      perWord.forEach(function (found, k) {
        var best = (score[k] = new Float64Array(N)), at = (where[k] = new Int8Array(N));
        found.forEach(function (f) {
          var p = f[1], df = 0, i, v, n = 0, sh = 0, doc = 0, odd = 0, s;
          for (i = 0; i < p.length; i++) if (digit[p.charCodeAt(i)] < 32) df++;
          var weight = f[0] * Math.log(1 + (2 * N) / df);
          for (i = 0; i < p.length; i++) {
            v = digit[p.charCodeAt(i)];
            n |= (v & 31) << sh;
            sh += 5;
            if (v < 32) {
              if ((odd ^= 1)) doc += n;
              else if ((s = (n >> 7) * weight) > best[doc]) (best[doc] = s), (at[doc] = n & 64 ? -(n & 63) : n & 63);
              n = sh = 0;
            }
          }
        });
      });
      for (var d = 0; d < N; d++) {
        var sum = 0, n = 0, k, j, section = 0, top = 0;
        for (k = 0; k < W; k++) if (score[k][d]) (sum += score[k][d]), n++;
        if (!n) continue;
        // The heading to link to: the section most of the words point
        // to, a word counting little when the title has it (the whole
        // page is about it then).
        for (k = 0; k < W; k++) {
          var sec = Math.abs(where[k][d]), w = 0;
          if (!sec) continue;
          for (j = 0; j < W; j++) if (Math.abs(where[j][d]) == sec) w += where[j][d] < 0 ? score[j][d] / 1e3 : score[j][d];
          if (w > top) (top = w), (section = sec);
        }
        out.push({ id: d, score: ((answer[d] || 1) * sum * n * n) / (W * W), section: section });
      }
      return out.sort(function (a, b) {
        return b.score - a.score || a.id - b.id;
      });
    });
  }

  if (typeof module == "object" && module.exports) module.exports = { stem: stem, words: words, rank: rank };
  if (typeof document == "undefined") return;

  var d = document;
  var form = d.querySelector("[data-search]");
  if (!form || !window.fetch || !window.Promise) return;
  var base = form.getAttribute("data-search");
  var input = form.querySelector("input");
  var status = d.querySelector("[data-search-status]");
  var list = d.querySelector("[data-search-results]");
  var more = d.querySelector("[data-search-more]");
  var files = {}, meta, results, shown, query;
  function load(name) {
    return (
      files[name] ||
      (files[name] = fetch(base + name + (meta ? "?v=" + meta.hash : ""), meta ? {} : { cache: "no-cache" }).then(function (r) {
        if (!r.ok) throw Error(r.status);
        return r.json();
      }))
    );
  }
  // meta.json is small and every query needs it: fetch it now, and again
  // at the next query if that failed.
  function loadMeta() {
    return meta
      ? Promise.resolve(meta)
      : load("meta.json").then(
          function (m) {
            return (meta = m);
          },
          function (e) {
            delete files["meta.json"];
            throw e;
          }
        );
  }
  loadMeta().catch(function () {});
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
    return Promise.all(
      next.map(function (r) {
        return load("d" + Math.floor(r.id / meta.chunk) + ".json");
      })
    ).then(function (chunks) {
      var focus;
      if (mine != results) return; // a newer query is showing
      next.forEach(function (r, i) {
        var page = chunks[i][r.id % meta.chunk], li = d.createElement("li"), h = page[3], s = 2 * (r.section - 1);
        li.appendChild(el("p", page[0], page[1])).className = "search-title";
        if (page[2]) li.appendChild(el("p", page[2]));
        if (r.section && h[s]) {
          var p = el("p", "Section: ");
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
    status.textContent = "Searching…";
    loadMeta()
      .then(function () {
        return rank(q, meta, load);
      })
      .then(function (r) {
        if (q != query) return;
        results = r;
        shown = 0;
        return show().then(function () {
          var n = results.length;
          status.textContent = (n ? n + (n == 1 ? " result" : " results") : "No results") + " for “" + q + "”" + (n ? "" : ". Try other words, or browse the topics below.");
        });
      })
      .catch(function () {
        status.textContent = "Search is not working right now. Browse the topics below instead.";
      });
  }
  form.hidden = false;
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    search(input.value);
  });
  more.addEventListener("click", show);
  var q = new URLSearchParams(location.search).get("q");
  if (q) search((input.value = q));
})();
