package build_test

import (
	"context"

	"github.com/signpost/signpost/internal/build"
)

func buildWith(opt build.Options) (*build.Result, error) {
	return build.Build(context.Background(), opt)
}
