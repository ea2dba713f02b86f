package report

import (
	"fmt"
	"image/color"
)

// The palette is shared by the workbook (cell fills, native charts) and
// the PNG charts, so a tier has the same colour everywhere.

// Tier colours run from dark blue (the best tier) to light blue (the
// worst); disqualified deals are grey.
var (
	tierDark     = color.RGBA{0x1F, 0x4E, 0x79, 0xFF}
	tierLight    = color.RGBA{0xA9, 0xCB, 0xEA, 0xFF}
	disqualified = color.RGBA{0xA6, 0xA6, 0xA6, 0xFF}

	wonColor  = color.RGBA{0x3A, 0x8F, 0x4B, 0xFF}
	lostColor = color.RGBA{0xC8, 0x4B, 0x4B, 0xFF}
	neutral   = color.RGBA{0xBF, 0xBF, 0xBF, 0xFF}
	inkColor  = color.RGBA{0x26, 0x26, 0x26, 0xFF}
	greyInk   = color.RGBA{0x59, 0x59, 0x59, 0xFF}
	gridColor = color.RGBA{0xE3, 0xE3, 0xE3, 0xFF}
)

// The calibration charts draw the current model in grey and the
// suggested one in the best tier's blue; findings are coloured by
// severity.
var (
	currentColor   = color.RGBA{0x8C, 0x8C, 0x8C, 0xFF}
	suggestedColor = tierDark
	actionColor    = lostColor
	warningColor   = color.RGBA{0xF4, 0xC4, 0x5A, 0xFF}
	infoColor      = color.RGBA{0xD9, 0xD9, 0xD9, 0xFF}
)

// severityColor returns the fill of a severity cell kind.
func severityColor(k cellKind) color.RGBA {
	switch k {
	case kAction:
		return actionColor
	case kWarning:
		return warningColor
	}
	return infoColor
}

// categorical colours for stages (Tableau 10); the eleventh stage on
// reuses them.
var stagePalette = []color.RGBA{
	{0x4E, 0x79, 0xA7, 0xFF}, {0xF2, 0x8E, 0x2B, 0xFF}, {0x59, 0xA1, 0x4F, 0xFF},
	{0xE1, 0x57, 0x59, 0xFF}, {0x76, 0xB7, 0xB2, 0xFF}, {0xED, 0xC9, 0x48, 0xFF},
	{0xB0, 0x7A, 0xA1, 0xFF}, {0xFF, 0x9D, 0xA7, 0xFF}, {0x9C, 0x75, 0x5F, 0xFF},
	{0xBA, 0xB0, 0xAC, 0xFF},
}

// tierColor returns the colour of tier i of the Report's tiers, where the
// model has nModel tiers (i == nModel is Disqualified).
func tierColor(i, nModel int) color.RGBA {
	if i >= nModel {
		return disqualified
	}
	if nModel == 1 {
		return tierDark
	}
	f := float64(i) / float64(nModel-1)
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*f + 0.5) }
	return color.RGBA{mix(tierDark.R, tierLight.R), mix(tierDark.G, tierLight.G), mix(tierDark.B, tierLight.B), 0xFF}
}

func stageColor(i int) color.RGBA { return stagePalette[i%len(stagePalette)] }

// hex writes a colour as Excel wants it: "1F4E79".
func hex(c color.RGBA) string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

// dark reports whether white text reads better than black on c.
func dark(c color.RGBA) bool {
	return 0.299*float64(c.R)+0.587*float64(c.G)+0.114*float64(c.B) < 150
}

var whiteLine = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
