package cli_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/signpost/signpost/internal/cli"
)

// TestCheckScripts runs testdata/check/*.txtar: signpost check's output,
// exit codes and --external/--online against a local server ($SERVER, put
// into files with "expand FILE…"). The "signpost" command comes from
// TestMain in cli_test.go.
func TestCheckScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/check",
		Setup: func(env *testscript.Env) error {
			mux := http.NewServeMux()
			mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
			mux.HandleFunc("/gone", http.NotFound)
			mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
			srv := httptest.NewServer(mux)
			env.Defer(srv.Close)
			env.Setenv("SERVER", srv.URL)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// expand FILE… replaces $SERVER in files with the test server's address.
			"expand": func(ts *testscript.TestScript, neg bool, args []string) {
				for _, f := range args {
					p := ts.MkAbs(f)
					b, err := os.ReadFile(p)
					ts.Check(err)
					ts.Check(os.WriteFile(p, []byte(strings.ReplaceAll(string(b), "$SERVER", ts.Getenv("SERVER"))), 0o644))
				}
			},
		},
	})
}

// TestCheckExitCodes: 0 clean, 1 problems (warnings too with --strict), 2 usage.
func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("signpost.toml", "title = \"Exit codes\"\n")
	write("content/a.md", "---\ntitle: A page\ndescription: A page to test exit codes.\n---\nA short page.\n")
	run := func(args ...string) int {
		var out, errOut bytes.Buffer
		code := cli.Run(context.Background(), args, &out, &errOut)
		t.Logf("signpost %s → %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		return code
	}
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"check", "--source", dir}, cli.ExitOK},
		{[]string{"check", "--source", dir, "--strict"}, cli.ExitOK},
		{[]string{"check", "--source", dir, "--nope"}, cli.ExitUsage},
		{[]string{"check", "--source", dir, "--online"}, cli.ExitUsage},
		{[]string{"check", "--source", dir, "stray"}, cli.ExitUsage},
		{[]string{"check", "--source", dir, "--external", "--online", "--jobs", "0"}, cli.ExitUsage},
		{[]string{"check", "--source", filepath.Join(dir, "missing")}, cli.ExitProblems},
	} {
		if got := run(tc.args...); got != tc.want {
			t.Errorf("signpost %s: exit %d, want %d", strings.Join(tc.args, " "), got, tc.want)
		}
	}
	// A warning: fine, unless --strict.
	write("content/a.md", "---\ntitle: A page\ndescription: A page to test exit codes.\n---\nTo read it, [click here](b.md).\n")
	write("content/b.md", "---\ntitle: B page\ndescription: Another page.\n---\nHello.\n")
	if got := run("check", "--source", dir); got != cli.ExitOK {
		t.Errorf("warnings only: exit %d, want 0", got)
	}
	if got := run("check", "--source", dir, "--strict"); got != cli.ExitProblems {
		t.Errorf("warnings with --strict: exit %d, want 1", got)
	}
	// An error.
	write("content/b.md", "---\ntitle: B page\n---\nHello.\n")
	if got := run("check", "--source", dir); got != cli.ExitProblems {
		t.Errorf("errors: exit %d, want 1", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("check wrote public/")
	}
}
