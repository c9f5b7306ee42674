"""System analytics: one module per family of measures (dyads, signed networks and balance, blocs,
alignment similarity, capabilities and polarity, risk, change points, core–periphery)."""
