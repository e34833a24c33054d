package site_test

import (
	"context"

	"github.com/signpost/signpost/internal/site"
)

func buildWith(opt site.Options) (*site.Result, error) {
	return site.Build(context.Background(), opt)
}
