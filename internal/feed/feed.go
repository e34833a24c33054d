// Package feed writes Atom feeds (RFC 4287): the site's and sections' feeds
// and the guidance update feeds share it.
package feed

import (
	"encoding/xml"
	"time"
)

// Feed is an Atom feed document.
type Feed struct {
	XMLName  xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string   `xml:"xml:lang,attr,omitempty"`
	Title    string   `xml:"title"`
	Subtitle string   `xml:"subtitle,omitempty"`
	ID       string   `xml:"id"`
	Updated  string   `xml:"updated"`
	Links    []Link   `xml:"link"`
	Author   string   `xml:"author>name"`
	Entries  []Entry  `xml:"entry"`
}

// Link is an atom:link.
type Link struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

// Entry is one item of a feed.
type Entry struct {
	Title      string     `xml:"title"`
	ID         string     `xml:"id"`
	Link       Link       `xml:"link"`
	Updated    string     `xml:"updated"`
	Summary    string     `xml:"summary,omitempty"`
	Categories []Category `xml:"category"`
}

// Category is an entry's term (a topic).
type Category struct {
	Term string `xml:"term,attr"`
}

// Time formats a time as Atom wants it, in UTC.
func Time(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Marshal returns the feed as an indented XML document.
func (f *Feed) Marshal() ([]byte, error) {
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(append([]byte(xml.Header), out...), '\n'), nil
}
