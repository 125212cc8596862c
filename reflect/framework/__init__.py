"""The framework an apprentice works towards: meta-skills, units and criteria, and its checks."""
