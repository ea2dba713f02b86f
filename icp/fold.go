package icp

// foldASCII lower-cases ASCII letters and trims spaces. It allocates only
// when s has upper-case letters or surrounding space; the hot path uses
// foldInto instead.
func foldASCII(s string) string {
	s = trimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// foldInto writes the folded form of s into buf and returns it, or false
// when s does not fit. Used with m[string(b)], which does not allocate.
func foldInto(buf []byte, s string) ([]byte, bool) {
	s = trimSpace(s)
	if len(s) > len(buf) {
		return nil, false
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b, true
}

func trimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
