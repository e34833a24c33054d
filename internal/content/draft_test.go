package content_test

import (
	"testing"

	"github.com/signpost/signpost/internal/content"
)

func TestInDraft(t *testing.T) {
	home := &content.Page{Kind: content.KindHome}
	draftSection := &content.Page{Kind: content.KindSection, Parent: home, Draft: true}
	section := &content.Page{Kind: content.KindSection, Parent: home}
	deep := &content.Page{Kind: content.KindSection, Parent: draftSection}
	tests := []struct {
		name string
		page *content.Page
		want bool
	}{
		{"home", home, false},
		{"published page", &content.Page{Parent: section}, false},
		{"draft page", &content.Page{Parent: section, Draft: true}, true},
		{"page in a draft section", &content.Page{Parent: draftSection}, true},
		{"page two sections below a draft", &content.Page{Parent: deep}, true},
		{"draft section itself", draftSection, true},
		{"draft home", &content.Page{Kind: content.KindHome, Draft: true}, true},
		{"page without a parent", &content.Page{}, false},
	}
	for _, tt := range tests {
		if got := tt.page.InDraft(); got != tt.want {
			t.Errorf("%s: InDraft() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
