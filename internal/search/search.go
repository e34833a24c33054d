// Package search makes the site's own search, which runs in the reader's
// browser with no server behind it: Analyse reads a page's text and weighs
// its terms, split and reduced by its language's Analyser (For), and Write
// lays one language's terms out as a small meta.json, term shards and
// document chunks under search-index/, so that assets/js/search-engine.js
// downloads only the few kilobytes a query needs.
package search
