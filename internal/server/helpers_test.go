package server

import (
	"context"

	"github.com/signpost/signpost/internal/build"
)

func buildOnce(opt build.Options) (*build.Result, error) {
	return build.Build(context.Background(), opt)
}
