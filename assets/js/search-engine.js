// Signpost search ranking: splits and stems a query as internal/search
// wrote the index, fetches the shards of its words and ranks the pages.
// assets/js/search.js loads this file only when a reader starts a search,
// so the search page itself carries little script.
(function () {
  "use strict";

  // The Porter stemmer, as internal/search/stem.go: change both together.
  // Only English is stemmed (meta.stem).
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

  // words splits text as internal/search (Analyser.Words) does for the
  // index's language: m is its meta.json, saying whether an apostrophe
  // joins a word (m.apos) and which letters fold to which (m.fold). A word
  // is a run of letters, marks and digits, with zero-width joiners inside
  // (Urdu); it is normalised (NFKC), lower-cased and folded.
  function words(text, m) {
    var fold = m.fold || {}, keys = Object.keys(fold).join("");
    var re = keys && new RegExp("[" + keys + "]", "gu");
    return text
      .split(m.apos ? /[^\p{L}\p{M}\p{N}\u200c\u200d'’]+/u : /[^\p{L}\p{M}\p{N}\u200c\u200d]+/u)
      .map(function (w) {
        w = w.normalize("NFKC").toLowerCase();
        if (re) w = w.replace(re, function (c) {
          return fold[c];
        });
        return w.replace(/[\u200c\u200d'’]/g, "");
      })
      .filter(function (w) {
        return w && (w.length <= 40 || Array.from(w).length <= 40);
      });
  }

  // A term's pages are packed in a string: numbers of 5 bits a character,
  // low bits first, the sixth bit set when another character follows (see
  // internal/search/index.go). Each page is the distance from the last
  // page, then score << 7 | in-title << 6 | section.
  var digit = new Int8Array(128);
  for (var i = 0; i < 64; i++) digit["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".charCodeAt(i)] = i;

  // terms are the index terms of a query's words: stop words left out,
  // stemmed (English), each once.
  function terms(q, meta) {
    var ws = [];
    words(q, meta).forEach(function (w) {
      if (meta.stop.indexOf(w) < 0 && ws.indexOf((w = meta.stem ? stem(w) : w)) < 0) ws.push(w);
    });
    return ws;
  }
  // shardOf fetches the shard that holds term t.
  function shardOf(t, meta, load) {
    for (var i = meta.bounds.length - 1; i > 0 && meta.bounds[i] > t; i--);
    return i < 0 ? Promise.resolve({}) : load("t" + i + ".json");
  }
  // prefetch fetches the shards a query's terms and their synonyms are in,
  // while the reader is still typing it.
  function prefetch(q, meta, load) {
    terms(q, meta).forEach(function (w) {
      [w].concat(meta.syn[w] || []).forEach(function (t) {
        shardOf(t, meta, load).catch(function () {});
      });
    });
  }

  // rank finds the pages for query q. load(name) fetches a file of the
  // index as JSON; meta is meta.json. Pages come best first, as
  // {id, score, section}. Each query word counts by how rare its term is;
  // a synonym (0.6) or a longer word it starts (0.5) counts less, and a page
  // loses much for each query word it does not have. A question ("how do
  // I report") ranks the pages that answer questions (meta.answers) higher;
  // the first of them ("Worried right now?") rank a little higher always.
  function rank(q, meta, load) {
    var ws = terms(q, meta), ask = 1, answer = {};
    words(q, meta).forEach(function (w) {
      if (meta.ask.indexOf(w) >= 0) ask = 1.5;
    });
    meta.answers.forEach(function (d, i) {
      answer[d] = ask * (i < meta.first ? 1.1 : 1);
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
      return shardOf(t, meta, load);
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
          // df counts the numbers' last characters (two a page), by a
          // regular expression: a loop over a long list's characters is
          // several milliseconds while the code is still cold.
          var p = f[1], df = p.replace(/[W-Za-z_-]+/g, "").length, i, v, n = 0, sh = 0, doc = 0, odd = 0, s;
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

  var api = { stem: stem, words: words, rank: rank, prefetch: prefetch };
  if (typeof module == "object" && module.exports) module.exports = api;
  else self.signpostSearch = api;
})();
