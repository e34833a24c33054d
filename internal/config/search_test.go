package config

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func TestSearchCountry(t *testing.T) {
	for _, tc := range []struct{ src, want, problem string }{
		{`languageCode = "en-GB"`, "GB", ""},
		{`languageCode = "en_au"`, "AU", ""},
		{`languageCode = "zh-Hant-TW"`, "TW", ""},
		{`languageCode = "en"`, "", ""},
		{`languageCode = "es-419"`, "", ""},
		{"languageCode = \"en-GB\"\n[search]\ncountry = \"ie\"", "IE", ""},
		{"[search]\ncountry = \"Ireland\"", "IRELAND", `search country "Ireland" is not a region code`},
	} {
		c, probs := Load(fstest.MapFS{"signpost.toml": {Data: []byte(tc.src)}})
		if c.Search.Country != tc.want {
			t.Errorf("%q: country %q, want %q", tc.src, c.Search.Country, tc.want)
		}
		if got := fmt.Sprint(probs); (tc.problem == "") != (len(probs) == 0) || !strings.Contains(got, tc.problem) {
			t.Errorf("%q: problems %v, want %q", tc.src, probs, tc.problem)
		}
	}
}
