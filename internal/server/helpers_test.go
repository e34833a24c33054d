package server

import (
	"context"

	"github.com/signpost/signpost/internal/site"
)

func buildOnce(opt site.Options) (*site.Result, error) {
	return site.Build(context.Background(), opt)
}
