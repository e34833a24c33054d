package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Corpus writes a generated site of n pages into dir for benchmarks: ten
// sections of guidance pages with front matter, headings, lists, a table,
// relative links to neighbours (with anchors) and taxonomy terms. The same
// files build with Hugo, for side-by-side figures.
func Corpus(dir string, n int) error {
	files := map[string]string{
		"signpost.toml": "title = \"Corpus\"\nbaseURL = \"https://example.org/\"\n",
	}
	sections := 10
	for s := 0; s < sections; s++ {
		files[fmt.Sprintf("content/s%d/_index.md", s)] = fmt.Sprintf("---\ntitle: Section %d\ndescription: Pages of section %d.\n---\nIntro to section %d.\n", s, s, s)
	}
	ages := []string{"Under 5", "5 to 7", "8 to 10", "11 to 13", "14 and over"}
	apps := []string{"Snapchat", "Instagram", "TikTok", "WhatsApp", "YouTube", "Roblox", "Fortnite", "Minecraft", "Discord"}
	for i := 0; i < n; i++ {
		s := i % sections
		next := (i + sections) % n
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Guidance page %d\ndescription: What parents can do about topic %d, in plain words.\n", i, i)
		fmt.Fprintf(&b, "weight: %d\ntopics: [Topic %d, Reporting]\nages: [%s]\napps: [%s]\n", i%50+1, i%40, ages[i%len(ages)], apps[i%len(apps)])
		fmt.Fprintf(&b, "reviewed: 2026-11-01\nreview_by: 2027-11-01\nsources:\n  - title: Source %d\n    url: https://example.net/%d\n    checked: 2026-11-01\n---\n\n", i, i)
		fmt.Fprintf(&b, "Talk with your child about page %d. Keep it calm and short. Ask open questions and listen to the answers.\n\n", i)
		for h := 1; h <= 4; h++ {
			fmt.Fprintf(&b, "## Step %d for page %d\n\nRead the [next page](../s%d/p%d.md#step-%d-for-page-%d) and the [section](_index.md).\nSome *emphasis*, some **strong text**, and a `code` span.\n\n", h, i, next%sections, next, h, next)
			b.WriteString("- Check who can contact them\n- Turn on a private account\n- Agree rules together\n\n")
		}
		b.WriteString("| Setting | Where | Why |\n|---|---|---|\n| Private account | Settings | Fewer strangers |\n| Location | Map | Keep it hidden |\n\n")
		b.WriteString("1. First step\n2. Second step\n3. Third step\n")
		files[fmt.Sprintf("content/s%d/p%d.md", s, i)] = b.String()
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}
