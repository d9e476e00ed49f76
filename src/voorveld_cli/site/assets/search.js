/* voorveld site search: lunr with the Dutch pipeline (lunr-languages nl), accent folding,
   facets and highlighted fragments. The data comes from search-data.js (a global), so the
   page works from file:// as well as over HTTP. No network requests. */
(function () {
  "use strict";
  var DATA = window.VOORVELD_SEARCH;
  var L = DATA.labels;
  var FACETS = Object.keys(DATA.facets);
  var byId = {};
  DATA.docs.forEach(function (d) { byId[d.id] = d; });

  // 'cliënten' -> 'clienten': applied before the stemmer, to the index and to queries alike.
  function foldText(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var fold = function (token) {
    return token.update(function (s) { return foldText(s); });
  };
  lunr.Pipeline.registerFunction(fold, "fold-nl");

  var index = lunr(function () {
    this.use(lunr.nl);
    this.pipeline.before(lunr.nl.stemmer, fold);
    this.searchPipeline.before(lunr.nl.stemmer, fold);
    this.ref("id");
    this.field("title", { boost: 10 });
    this.field("keywords", { boost: 4 });
    this.field("summary", { boost: 3 });
    this.field("body");
    this.metadataWhitelist = ["position"];
    DATA.docs.forEach(function (d) { this.add(d); }, this);
  });

  function isStopWord(word) {
    return !lunr.nl.stopWordFilter(new lunr.Token(word.toLowerCase(), {}));
  }

  function words(text) {
    return lunr.tokenizer(text).map(function (t) { return t.toString(); })
      .map(function (w) { return w.replace(/^[^\w\u00C0-\u024F]+|[^\w\u00C0-\u024F]+$/g, ""); })
      .filter(function (w) { return w && !isStopWord(w); });
  }

  // As in the terminal: a glossary term that is not what the reader asked for by name
  // yields to practice ('mantelzorg' puts the term Mantelzorg first, then initiatives and
  // cases rather than every other term that mentions the word).
  var TERM_WEIGHT = 0.4;

  // A name as its stems in order: 'Mantelzorgers' and 'mantelzorger' meet, as in the index.
  function stemKey(text) {
    return words(text).map(function (w) {
      return lunr.nl.stemmer(new lunr.Token(foldText(w.toLowerCase()), {})).toString();
    }).join(" ");
  }

  function search(text) {
    var terms = words(text);
    if (!terms.length) return [];
    var asked = stemKey(text);
    return query(terms).map(function (r) {
      var doc = byId[r.ref];
      var named = (doc.names || []).some(function (n) { return stemKey(n) === asked; });
      return doc.kind[0] === "term" && !named ? { ref: r.ref, score: r.score * TERM_WEIGHT, matchData: r.matchData } : r;
    }).sort(function (a, b) { return b.score - a.score; });
  }

  function query(terms) {
    return index.query(function (q) {
      terms.forEach(function (w) {
        q.term(w, { boost: 10 });
        var plain = foldText(w.toLowerCase());
        if (plain.length >= 4) {
          q.term(plain, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
        }
        // One typo, against the stemmed index ('mantelzrog' finds 'mantelzorg'); weak, so exact wins.
        if (plain.length >= 6) q.term(plain, { editDistance: 1, boost: 1 });
      });
    });
  }

  function selected(form) {
    var chosen = {};
    FACETS.forEach(function (f) {
      chosen[f] = Array.prototype.map.call(
        form.querySelectorAll('input[name="' + f + '"]:checked'), function (i) { return i.value; });
    });
    return chosen;
  }

  function passes(doc, chosen) {
    return FACETS.every(function (f) {
      return !chosen[f].length || chosen[f].some(function (v) { return doc[f].indexOf(v) >= 0; });
    });
  }

  // A fragment of the field around the first match, with every match in it marked.
  function fragment(doc, result) {
    var spans = { summary: [], body: [] };
    Object.keys(result.matchData.metadata).forEach(function (term) {
      var fields = result.matchData.metadata[term];
      Object.keys(spans).forEach(function (f) {
        if (fields[f] && fields[f].position) spans[f] = spans[f].concat(fields[f].position);
      });
    });
    var field = spans.body.length ? "body" : "summary";
    var text = doc[field], marks = spans[field].sort(function (a, b) { return a[0] - b[0]; });
    var start = 0, end = Math.min(text.length, 220);
    if (marks.length) {
      start = Math.max(0, marks[0][0] - 60);
      while (start > 0 && text[start - 1] !== " ") start--;
      end = Math.min(text.length, start + 220);
    }
    while (end < text.length && end > start + 100 && text[end] !== " ") end--;  // end on a whole word
    var out = document.createElement("p");
    out.className = "fragment";
    var at = start;
    if (start > 0) out.appendChild(document.createTextNode("… "));
    marks.forEach(function (m) {
      if (m[0] < at || m[0] + m[1] > end) return;
      while (m[1] > 1 && /[^\w\u00C0-\u024F]/.test(text[m[0] + m[1] - 1])) m = [m[0], m[1] - 1];
      out.appendChild(document.createTextNode(text.slice(at, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[0] + m[1]);
      out.appendChild(mark);
      at = m[0] + m[1];
    });
    out.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return out;
  }

  function valueLabel(facet, key) {
    return (DATA.values[facet] && DATA.values[facet][key]) || key;
  }

  function renderFacets(box, docs, chosen) {
    box.textContent = "";
    var heading = document.createElement("h2");
    heading.textContent = L.filters;
    box.appendChild(heading);
    FACETS.forEach(function (f) {
      var counts = {};
      docs.forEach(function (d) { d[f].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; }); });
      chosen[f].forEach(function (v) { counts[v] = counts[v] || 0; });
      var keys = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || a.localeCompare(b); });
      if (!keys.length) return;
      var set = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = DATA.facets[f];
      set.appendChild(legend);
      keys.forEach(function (k) {
        var label = document.createElement("label");
        var input = document.createElement("input");
        input.type = "checkbox"; input.name = f; input.value = k;
        input.checked = chosen[f].indexOf(k) >= 0;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + valueLabel(f, k) + " (" + counts[k] + ")"));
        set.appendChild(label);
      });
      box.appendChild(set);
    });
  }

  function renderResults(list, status, query, results) {
    list.textContent = "";
    var n = results.length;
    status.textContent = n ? n + " " + (n === 1 ? L.result : L.results) + (query ? " " + L.for_query + " '" + query + "'" : "")
      : L.no_results;
    results.slice(0, 50).forEach(function (r) {
      var doc = byId[r.ref];
      var li = document.createElement("li");
      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = doc.url; a.textContent = doc.title;
      h.appendChild(a);
      li.appendChild(h);
      var kind = document.createElement("p");
      kind.className = "kicker";
      kind.textContent = valueLabel("kind", doc.kind[0]) + (doc.province.length ? " · " + doc.province.join(", ") : "");
      li.appendChild(kind);
      li.appendChild(r.matchData ? fragment(doc, r) : (function () {
        var p = document.createElement("p"); p.className = "fragment"; p.textContent = doc.summary; return p;
      })());
      list.appendChild(li);
    });
  }

  function run(form, updateUrl) {
    var query = form.q.value.trim();
    var chosen = selected(form);
    var found = query ? search(query) : [];
    var any = FACETS.some(function (f) { return chosen[f].length; });
    if (!query && any) found = DATA.docs.map(function (d) { return { ref: d.id, matchData: null }; });
    var hits = found.filter(function (r) { return passes(byId[r.ref], chosen); });
    // Facet counts over the query's results, so a filter shows what it would keep.
    renderFacets(document.getElementById("facetten"), found.map(function (r) { return byId[r.ref]; }), chosen);
    var status = document.getElementById("status");
    var list = document.getElementById("resultaten");
    if (!query && !any) { status.textContent = ""; list.textContent = ""; }
    else renderResults(list, status, query, hits);
    if (updateUrl) {
      var params = new URLSearchParams();
      if (query) params.set("q", query);
      FACETS.forEach(function (f) { chosen[f].forEach(function (v) { params.append(f, v); }); });
      try { history.replaceState(null, "", "?" + params.toString()); } catch (e) { /* file:// may refuse */ }
    }
  }

  function start() {
    var form = document.getElementById("zoekform");
    if (!form) return;
    var params = new URLSearchParams(window.location.search);
    form.q.value = params.get("q") || "";
    // Facets named in the address are checked once the boxes exist.
    var chosen = {};
    FACETS.forEach(function (f) { chosen[f] = params.getAll(f); });
    renderFacets(document.getElementById("facetten"), [], chosen);
    run(form, false);
    form.addEventListener("submit", function (e) { e.preventDefault(); run(form, true); });
    form.addEventListener("change", function (e) { if (e.target.type === "checkbox") run(form, true); });
    if (!form.q.value) form.q.focus();
  }

  window.voorveldSearch = search;  // for the relevance benchmark
  start();
})();
