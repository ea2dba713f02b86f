package icp

// Clone returns a copy of p that shares no slice or map with it: the
// copy a caller keeps when a streaming reader reuses a row's memory. Nil
// slices stay nil (unknown) and empty ones stay empty (known to be none).
func (p Prospect) Clone() Prospect {
	p.TechStack = cloneSlice(p.TechStack)
	p.Triggers = cloneSlice(p.Triggers)
	p.Intent = cloneSlice(p.Intent)
	p.Engagement = cloneSlice(p.Engagement)
	if p.Custom != nil {
		c := make(map[string]Value, len(p.Custom))
		for k, v := range p.Custom {
			v.List = cloneSlice(v.List)
			v.Events = cloneSlice(v.Events)
			c[k] = v
		}
		p.Custom = c
	}
	return p
}

func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
