package cli_test

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/signpost/signpost/internal/cli"
)

// TestMain lets testscript files run "signpost" as a real command. Every
// script test in this package (build, new, check …) shares it.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"signpost": func() { os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: exit codes, messages naming
// file:line, and what is (not) written.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
