"""The reflection coach: advice on a reflection as it is written, the criteria and
meta-skills it most likely evidences, personal data to take out, and a question for today.

Plain Python with no network and no model: everything is read from the text and the
framework. Nothing here blocks a save; it only advises.
"""
