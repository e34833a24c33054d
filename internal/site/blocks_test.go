package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	signpost "github.com/signpost/signpost"
	"github.com/signpost/signpost/internal/site"
	"github.com/signpost/signpost/internal/sitetest"
)

// The guidance blocks belong to the site's markdown, not to the caller: a
// build given only a source, a destination and the theme
// still renders :::helpline from data/helplines.yaml, on a page and on
// the "Who to call" sheets made from that file. Before, a caller that
// forgot an option published ":::helpline nspcc" as text with no problem.
func TestGuidanceBlocksNeedNoOption(t *testing.T) {
	dir := sitetest.Write(t, minimal+`
-- content/_index.md --
---
title: Home
---
:::helpline nspcc
:::

:::tip
Talk first.
:::
-- data/helplines.yaml --
nspcc:
  name: NSPCC
  phone: "0808 800 5000"
  country: UK
`)
	dest := filepath.Join(dir, "public")
	if _, err := site.Build(context.Background(), site.Options{Source: dir, Dest: dest, Theme: signpost.Theme}); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"index.html", "who-to-call/uk/index.html"} {
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		got := string(b)
		if strings.Contains(got, ":::") {
			t.Errorf("%s publishes a block's fence as text:\n%s", page, got)
		}
		if !strings.Contains(got, `class="helpline-name">NSPCC`) || !strings.Contains(got, `href="tel:08088005000"`) {
			t.Errorf("%s has no helpline card for nspcc:\n%s", page, got)
		}
	}
}
