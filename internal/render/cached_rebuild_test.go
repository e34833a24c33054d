package render_test

import (
	"testing"

	"github.com/signpost/signpost/internal/sitetest"
)

// TestPartialCachedRebuild: what partialCached rendered lasts one build,
// so serve never shows a stale header or footer after an edit of the
// partial, the config (title, menu), the theme's words or a parent page
// (the breadcrumbs).
func TestPartialCachedRebuild(t *testing.T) {
	r := sitetest.Run(t, `
-- signpost.toml --
title = "Family"
[[menus.main]]
name = "Apps"
pageRef = "apps/_index.md"
-- content/_index.md --
---
title: Home
---
-- content/apps/_index.md --
---
title: Apps
---
-- content/apps/chat.md --
---
title: Chat
---
Text.
`)
	r.AssertFile("apps/chat/index.html", `>Family</a>`, `>Exit this page<`, `>Get updates</h2>`, `>Apps</a>`)
	r.EditFileReplaceAll("signpost.toml", `title = "Family"`, `title = "Parents"`).Build()
	r.AssertFile("apps/chat/index.html", `>Parents</a>`, `! >Family<`)
	r.EditFileReplaceAll("signpost.toml", `name = "Apps"`, `name = "Phones"`).Build()
	r.AssertFile("apps/chat/index.html", `>Phones</a>`)
	r.EditFile("i18n/en.toml", "[exitThisPage]\nother = \"Leave now\"\n[getUpdates]\nother = \"News\"\n").Build()
	r.AssertFile("apps/chat/index.html", `>Leave now<`, `>News</h2>`, `! >Exit this page<`)
	r.EditFile("layouts/partials/footer-site.html", `<p>Own footer</p>`+"\n").Build()
	r.AssertFile("apps/chat/index.html", `<p>Own footer</p>`, `! >News</h2>`)
	r.AssertFile("apps/index.html", `<p>Own footer</p>`)
	r.EditFile("content/apps/_index.md", "---\ntitle: Games\n---\n").Build()
	r.AssertFile("apps/chat/index.html", `<li><a href="/apps/">Games</a></li>`, `! >Apps</a></li>`)
}

// A menu entry without a name shows its page's title on every page: a
// new title (or address) of that page, a regular page and not a section,
// shows in the menu of every page after the edit, as in a clean build.
func TestMenuPageTitleRebuild(t *testing.T) {
	r := sitetest.Run(t, `
-- signpost.toml --
title = "Family"
[[menus.main]]
pageRef = "apps/chat.md"
-- content/_index.md --
---
title: Home
---
-- content/apps/_index.md --
---
title: Apps
---
-- content/apps/chat.md --
---
title: Chat
---
Text.
-- content/other.md --
---
title: Other
---
Text.
`)
	r.AssertFile("other/index.html", `<a href="/apps/chat/">Chat</a>`)
	r.EditFile("content/apps/chat.md", "---\ntitle: Talk\n---\nText.\n").Build()
	r.AssertFile("other/index.html", `<a href="/apps/chat/">Talk</a>`, `! >Chat</a>`)
	r.EditFile("content/apps/chat.md", "---\ntitle: Talk\nurl: /talk/\n---\nText.\n").Build()
	r.AssertFile("other/index.html", `<a href="/talk/">Talk</a>`)
	r.AssertSameAsClean()
}

// The theme renders a link to a page once per build (related pages, the
// lists of a section and a term) and gives the same text to every page
// that links to it: after an edit of the linked page, every page that
// links to it shows its new title, as in a clean build (and so do the
// previous and next links, rendered on each page).
func TestPageLinksRebuild(t *testing.T) {
	r := sitetest.Run(t, `
-- signpost.toml --
title = "Family"
[taxonomies]
tag = "tags"
-- content/_index.md --
---
title: Home
---
-- content/apps/_index.md --
---
title: Apps
---
-- content/apps/chat.md --
---
title: Chat
weight: 1
tags: [Safety]
---
Text.
-- content/apps/games.md --
---
title: Games
weight: 2
---
Text.
-- content/talk/bullying.md --
---
title: Bullying
description: What to say.
tags: [Safety]
---
Text.
`)
	related := `<li><a href="/talk/bullying/">Bullying</a></li>`
	listed := `<li><a href="/talk/bullying/">Bullying</a><p>What to say.</p></li>`
	r.AssertFile("apps/chat/index.html", related, `<span class="pagination-title">Games</span>`)
	r.AssertFile("tags/safety/index.html", listed)
	r.AssertFile("talk/index.html", listed)
	r.EditFile("content/talk/bullying.md", "---\ntitle: Bullies\ndescription: What to do.\ntags: [Safety]\n---\nText.\n").Build()
	r.AssertFile("apps/chat/index.html", `<li><a href="/talk/bullying/">Bullies</a></li>`, "! "+related)
	r.AssertFile("tags/safety/index.html", `<li><a href="/talk/bullying/">Bullies</a><p>What to do.</p></li>`, "! "+listed)
	r.AssertFile("talk/index.html", `>Bullies</a><p>What to do.</p></li>`)
	r.EditFile("content/apps/games.md", "---\ntitle: Play\nweight: 2\n---\nText.\n").Build()
	r.AssertFile("apps/chat/index.html", `<span class="pagination-title">Play</span>`, `! >Games<`)
	r.AssertFile("apps/index.html", `<li><a href="/apps/games/">Play</a></li>`)
	r.AssertSameAsClean()
}
