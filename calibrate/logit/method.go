package logit

import (
	"fmt"
	"strings"
)

// Method is the estimator Fit uses. The zero value is Firth.
type Method uint8

const (
	// Firth is bias-reduced logistic regression (Firth 1993): maximum
	// penalized likelihood with Jeffreys' prior,
	//
	//	ℓ*(β) = ℓ(β) + ½ log det I(β),
	//
	// as brglm2 type "AS_mean" and logistf compute it. The estimates are
	// finite under separation. It is the default because ICP calibration
	// data are small and often separated.
	Firth Method = iota
	// ML is plain maximum likelihood, as R's glm(family = binomial).
	ML
	// Ridge is maximum penalized likelihood with an L2 penalty on the
	// slopes (not the intercept),
	//
	//	ℓ(β) − λ/2 Σⱼ βⱼ².
	Ridge
)

var methodNames = [...]string{"firth", "ml", "ridge"}

// String returns "firth", "ml" or "ridge".
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", uint8(m))
}

// ParseMethod returns the Method named by s, case-insensitively: "firth",
// "ml" (or "mle", "glm") or "ridge".
func ParseMethod(s string) (Method, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "firth":
		return Firth, nil
	case "ml", "mle", "glm":
		return ML, nil
	case "ridge":
		return Ridge, nil
	}
	return 0, fmt.Errorf("logit: unknown method %q (want firth, ml or ridge): %w", s, ErrSettings)
}
