package config

import (
	"unique"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/signpost/signpost/internal/diag"
)

// KeyLines are the lines on which a YAML or TOML document sets its
// top-level keys, and on which the items of lists under them start, read
// from the parser's own tree. Decoders into maps and structs lose
// positions; messages about keys need them. Searching the text instead
// gets a key inside a nested map, a multi-line string or a comment, and a
// TOML key inside a table, wrong.
type KeyLines struct {
	// keys are the top-level keys, each at the first line that sets it.
	keys []keyLine
	// items are the lines of the items of lists under keys, and of the
	// keys of those items that are maps, in the order read. Two slices
	// and not maps: a page keeps them for as long as the build runs, and
	// maps of maps were 11.5 MB of a 10,000-page build's peak heap.
	items []itemLine
}

// keyLine is 16 bytes, not 24: a page keeps a dozen for as long as the
// build runs, and its name is a handle on text every document shares.
type keyLine struct {
	name unique.Handle[string]
	line int32
	// filled marks a key set to something not blank, as MarkFilled was
	// told: a flag here costs a page nothing (the struct's padding), where
	// a slice of the names was 1 MB of a 10,000-page build's peak heap.
	filled bool
}

// itemLine is the line of item of the list under keys[key], or with sub
// set (not the zero handle), the line on which that item sets sub.
type itemLine struct {
	sub             unique.Handle[string]
	key, item, line int32
}

// handle is the handle of a name, the zero handle for "".
func handle(name string) unique.Handle[string] {
	if name == "" {
		return unique.Handle[string]{}
	}
	return unique.Make(name)
}

// ReadKeyLines reads the key lines of src, a document in format ("yaml"
// or "toml"); lines are counted from 1 within src. A document the parser
// refuses has none (its decoder reports the fault).
func ReadKeyLines(format string, src []byte) KeyLines {
	var k KeyLines
	src = StripBOM(src)
	if format == "toml" {
		k.readTOML(src)
	} else {
		k.readYAML(src)
	}
	return k.compact()
}

// compact copies the slices without their spare room.
func (k KeyLines) compact() KeyLines {
	if cap(k.keys) > len(k.keys) {
		k.keys = append(make([]keyLine, 0, len(k.keys)), k.keys...)
	}
	if cap(k.items) > len(k.items) {
		k.items = append(make([]itemLine, 0, len(k.items)), k.items...)
	}
	return k
}

// Line is the line on which key is set (the first, if set twice), or 0.
func (k KeyLines) Line(key string) int {
	if i := k.index(key); i >= 0 {
		return int(k.keys[i].line)
	}
	return 0
}

// MarkFilled records that key is set to something not blank; a key not
// among the document's keys is added without a line.
func (k *KeyLines) MarkFilled(key string) {
	i := k.index(key)
	if i < 0 {
		k.keys = append(k.keys, keyLine{name: unique.Make(key)})
		i = len(k.keys) - 1
	}
	k.keys[i].filled = true
}

// Filled reports whether MarkFilled was told key.
func (k KeyLines) Filled(key string) bool {
	i := k.index(key)
	return i >= 0 && k.keys[i].filled
}

func (k KeyLines) index(key string) int {
	for i, kl := range k.keys {
		if kl.name.Value() == key {
			return i
		}
	}
	return -1
}

// Items are the lines on which the items of the list under key start: a
// block list's "- " lines, a TOML array of tables' [[key]] headers, the
// key's line for each item of a list written on it; nil when key is not
// a list.
func (k KeyLines) Items(key string) []int {
	var out []int
	for i := 0; ; i++ {
		l, ok := k.ItemLine(key, i)
		if !ok {
			return out
		}
		out = append(out, l)
	}
}

// ItemLine is the line on which item i of the list under key starts, and
// whether the list has such an item.
func (k KeyLines) ItemLine(key string, i int) (int, bool) {
	return k.itemSub(key, i, "")
}

// ItemKey is the line on which item i of the list under key sets sub
// ("url" of the second source), or 0.
func (k KeyLines) ItemKey(key string, i int, sub string) int {
	if sub == "" {
		return 0
	}
	l, _ := k.itemSub(key, i, sub)
	return l
}

func (k KeyLines) itemSub(key string, i int, sub string) (int, bool) {
	ki := k.index(key)
	if ki < 0 || i < 0 {
		return 0, false
	}
	h := handle(sub)
	for _, it := range k.items {
		if int(it.key) == ki && int(it.item) == i && it.sub == h {
			return int(it.line), true
		}
	}
	return 0, false
}

// item is what addItem returns: where to record an item's keys.
type item struct {
	k         *KeyLines
	key, item int32
}

// addItem records an item of the list under key starting on line, and
// returns where to record its keys' lines.
func (k *KeyLines) addItem(key string, line int) item {
	ki := k.index(key)
	if ki < 0 {
		k.keys = append(k.keys, keyLine{name: unique.Make(key)})
		ki = len(k.keys) - 1
	}
	n := int32(0)
	// The item before is near the end: its own keys follow it.
	for j := len(k.items) - 1; j >= 0; j-- {
		if it := k.items[j]; int(it.key) == ki && it.sub == (unique.Handle[string]{}) {
			n = it.item + 1
			break
		}
	}
	k.items = append(k.items, itemLine{key: int32(ki), item: n, line: int32(line)})
	return item{k, int32(ki), n}
}

// setSub records that the item sets sub on line, unless it set it before.
func (it item) setSub(sub string, line int) {
	if it.k == nil || sub == "" {
		return
	}
	h, none := unique.Make(sub), unique.Handle[string]{}
	// The item's keys follow its own line, at the end.
	for j := len(it.k.items) - 1; j >= 0; j-- {
		x := it.k.items[j]
		if x.key == it.key && x.item == it.item && (x.sub == h || x.sub == none) {
			if x.sub == h {
				return
			}
			break
		}
	}
	it.k.items = append(it.k.items, itemLine{sub: h, key: it.key, item: it.item, line: int32(line)})
}

func (k *KeyLines) set(key string, line int) {
	switch i := k.index(key); {
	case line <= 0:
	case i < 0:
		k.keys = append(k.keys, keyLine{name: unique.Make(key), line: int32(line)})
	case k.keys[i].line == 0: // made by addItem or MarkFilled
		k.keys[i].line = int32(line)
	}
}

func (k *KeyLines) readYAML(src []byte) {
	if f, err := parser.ParseBytes(src, 0); err == nil && len(f.Docs) > 0 {
		k.yamlKeys(f.Docs[0].Body)
	}
}

// DecodeLines is Decode that also reads the lines of the document's keys.
// A YAML document is parsed once for both, as reading the lines costs
// about as much as decoding; anything but a plain mapping takes the way
// through Decode, which reports faults.
func DecodeLines(format, path string, src []byte, v any) (KeyLines, diag.Problem, bool) {
	if format == "yaml" {
		if k, ok := decodeYAMLOnce(path, src, v); ok {
			return k, diag.Problem{}, true
		}
	}
	if p, ok := Decode(format, path, src, v); !ok {
		return KeyLines{}, p, false
	}
	return ReadKeyLines(format, src), diag.Problem{}, true
}

// decodeYAMLOnce decodes a YAML mapping into v, a map, from the tree its
// key lines are read from; false, with v untouched, for anything else.
func decodeYAMLOnce(path string, src []byte, v any) (KeyLines, bool) {
	dst, isMap := v.(*map[string]any)
	if !isMap {
		return KeyLines{}, false
	}
	src = StripBOM(src)
	if _, ok := ValidUTF8(path, src); !ok {
		return KeyLines{}, false
	}
	if _, found := yamlIndentFault(path, src); found {
		return KeyLines{}, false
	}
	if _, found := YAMLTooComplex(path, src); found {
		return KeyLines{}, false // Decode reports it
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil || len(f.Docs) != 1 {
		return KeyLines{}, false
	}
	body := f.Docs[0].Body
	switch body.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
	default:
		return KeyLines{}, false
	}
	m, plain := plainMap(body)
	if !plain {
		if err := yaml.NodeToValue(body, &m); err != nil {
			return KeyLines{}, false
		}
	}
	*dst = m
	var k KeyLines
	k.yamlKeys(body)
	return k.compact(), true
}

// yamlKeys records the top-level keys of a document's body.
func (k *KeyLines) yamlKeys(body ast.Node) {
	var values []*ast.MappingValueNode
	switch body := body.(type) {
	case *ast.MappingNode:
		values = body.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{body}
	}
	if k.keys == nil {
		k.keys = make([]keyLine, 0, len(values))
	}
	for _, mv := range values {
		if mv.Key == nil || mv.Key.IsMergeKey() {
			continue
		}
		key := yamlKey(mv.Key)
		if k.index(key) >= 0 {
			continue
		}
		k.set(key, mv.Key.GetToken().Position.Line)
		if seq, ok := mv.Value.(*ast.SequenceNode); ok {
			k.yamlItems(key, seq)
		}
	}
}

// yamlItems records the items of the list under key, and the keys of
// those that are maps.
func (k *KeyLines) yamlItems(key string, seq *ast.SequenceNode) {
	for i, v := range seq.Values {
		line := v.GetToken().Position.Line
		if i < len(seq.Entries) && seq.Entries[i] != nil && seq.Entries[i].Start != nil {
			// A block item starts at its "-", which may stand on the
			// line before the item's first key.
			line = seq.Entries[i].Start.Position.Line
		}
		sub := k.addItem(key, line)
		var values []*ast.MappingValueNode
		switch m := v.(type) {
		case *ast.MappingNode:
			values = m.Values
		case *ast.MappingValueNode:
			values = []*ast.MappingValueNode{m}
		}
		for _, mv := range values {
			sub.setSub(yamlKey(mv.Key), mv.Key.GetToken().Position.Line)
		}
	}
}

// yamlKey is a mapping key as the decoder reads it: "title", 'title' and
// title are one key.
func yamlKey(n ast.MapKeyNode) string {
	if s, ok := n.(*ast.StringNode); ok {
		return s.Value
	}
	return n.GetToken().Value
}

func (k *KeyLines) readTOML(src []byte) {
	var p unstable.Parser
	p.Reset(src)
	table := false // keys after a [table] header are not top-level
	var it item    // the [[key]] item being read
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			if it.k != nil {
				k.tomlSubKey(&p, e, it)
			}
			if table {
				continue
			}
			k.tomlKey(&p, e, false)
			if v := e.Value(); v.Kind == unstable.Array {
				k.tomlItems(&p, e, v)
			}
		case unstable.Table, unstable.ArrayTable:
			table = true
			it = k.tomlKey(&p, e, e.Kind == unstable.ArrayTable)
		}
	}
}

// tomlSubKey records the first part of a key-value's key in sub.
func (k *KeyLines) tomlSubKey(p *unstable.Parser, e *unstable.Node, sub item) {
	if it := e.Key(); it.Next() {
		sub.setSub(string(it.Node().Data), p.Shape(it.Node().Raw).Start.Line)
	}
}

// tomlKey records the first part of an expression's key ("params" of
// params.x = 1 and of [params.contact]); each [[key]] header is an item,
// whose keys' lines it returns the map for.
func (k *KeyLines) tomlKey(p *unstable.Parser, e *unstable.Node, isItem bool) item {
	it := e.Key()
	if !it.Next() {
		return item{}
	}
	first := it.Node()
	key, line := string(first.Data), p.Shape(first.Raw).Start.Line
	k.set(key, line)
	if isItem && !it.Next() {
		return k.addItem(key, line)
	}
	return item{}
}

// tomlItems records the lines of the items of key = [ … ].
func (k *KeyLines) tomlItems(p *unstable.Parser, e *unstable.Node, arr *unstable.Node) {
	it := e.Key()
	if !it.Next() {
		return
	}
	key := string(it.Node().Data)
	if it.Next() {
		return // a dotted key's list is not the top-level key's
	}
	for c := arr.Children(); c.Next(); {
		n := c.Node()
		line := k.Line(key)
		if n.Raw.Length > 0 {
			line = p.Shape(n.Raw).Start.Line
		}
		sub := k.addItem(key, line)
		if n.Kind != unstable.InlineTable {
			continue
		}
		for kv := n.Children(); kv.Next(); {
			k.tomlSubKey(p, kv.Node(), sub)
		}
	}
}
