"""Forecasts and what-if scenarios: landscape theory, balance dynamics, dyad forecasts."""
