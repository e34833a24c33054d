package markdown

import (
	"strings"
	"unicode"
)

// Phone numbers and addresses read left to right in every language. Inside
// right-to-left text the bidirectional algorithm would reorder their parts
// ("0800 1111" shows as "1111 0800", a trailing "/" jumps to the front),
// so their links are marked dir="ltr". The attribute, not a CSS rule: it
// also isolates the link (the HTML user agent style) and holds where the
// site's stylesheet does not reach, such as feed readers and reader views.
// On a left-to-right page it changes nothing.

// leftToRight reports whether a link's visible text is a phone number or
// an address: digits with spaces and phone punctuation ("0800 1111",
// "+44 20 7946 0000"), or one word of ASCII naming a site or a mailbox
// ("https://www.police.uk/", "police.uk", "help@nspcc.org.uk"). Words in
// any language, Urdu or English, keep the direction of the text around
// them.
func leftToRight(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	if phoneText(text) {
		return true
	}
	if strings.ContainsFunc(text, func(r rune) bool { return r > unicode.MaxASCII || unicode.IsSpace(r) }) {
		return false
	}
	return strings.ContainsAny(text, "./@")
}

// phoneText reports whether s is made of digits, spaces and the signs
// written in phone numbers, with at least one digit.
func phoneText(s string) bool {
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == ' ' || r == '+' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return false
		}
	}
	return digit
}
