package content

import "testing"

// TestDateHint: the hint rewrites the date as the editor wrote it, and
// says so when it cannot know which day was meant.
func TestDateHint(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"28/11/2026", "write dates as year-month-day: reviewed: 2026-11-28"},
		{"28.11.2026", "write dates as year-month-day: reviewed: 2026-11-28"},
		{"28-11-2026", "write dates as year-month-day: reviewed: 2026-11-28"},
		{"11/28/2026", "write dates as year-month-day: reviewed: 2026-11-28"},
		{"3/3/2026", "write dates as year-month-day: reviewed: 2026-03-03"},
		{"2026/11/28", "write dates as year-month-day: reviewed: 2026-11-28"},
		{"28 November 2026", "write dates as year-month-day: reviewed: 2026-11-28"},
		{"November 28, 2026", "write dates as year-month-day: reviewed: 2026-11-28"},
		{"5/3/2026", "5/3/2026 could be 5 March or 3 May: write it as year-month-day, reviewed: 2026-03-05 for 5 March, or reviewed: 2026-05-03 for 3 May"},
		{"31/2/2026", "there is no such day; write dates as year-month-day, like reviewed: 2026-11-28"},
		{"last tuesday", "write dates as year-month-day, like reviewed: 2026-11-28"},
		{"28/11/26", "write dates as year-month-day, like reviewed: 2026-11-28"},
	} {
		if got := dateHint("reviewed", tc.in); got != tc.want {
			t.Errorf("dateHint(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
