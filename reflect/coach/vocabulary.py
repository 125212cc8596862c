"""Everyday words apprentices write, and the framework's words for the same thing.

The framework says "challenging customer behaviours" where an apprentice writes "he
shouted"; it says "additional services or products" where a shop says "upsell". Each word
here adds its framework words to a reflection's query at half weight (see
:mod:`reflect.coach.suggest`), so a reflection is matched on what it means as well as on
the words it shares with a criterion. Meta-skill words follow the sub-skills of SDS's
Skills 4.0 model (listening, questioning, empathy, judgement...).

General customer-service vocabulary only: nothing here names a unit or a criterion.
"""

from __future__ import annotations

ALIASES: dict[str, str] = {
    # customers and how they behave
    "angry": "challenging behaviour", "annoyed": "challenging", "rude": "challenging behaviour",
    "shouted": "challenging behaviour", "shouting": "challenging behaviour", "aggressive": "challenging behaviour safety",
    "swearing": "challenging behaviour", "upset": "challenging feelings empathy", "difficult": "challenging",
    "irate": "challenging", "calm": "self-control", "calmly": "self-control",
    "complained": "complaints", "complaining": "complaints", "moaned": "complaints",
    # selling
    "upsell": "additional products services promote", "upselling": "additional products services promote",
    "warranty": "additional services", "insurance": "additional services", "extras": "additional services",
    "offered": "additional promote", "sleeve": "additional products",
    # feedback and improvement
    "survey": "feedback collecting", "surveys": "feedback collecting", "review": "feedback", "reviews": "feedback",
    "comments": "feedback", "scores": "feedback performance", "rating": "feedback", "tally": "records",
    "spreadsheet": "data analysis", "percentages": "calculations data", "trial": "trials changes",
    "idea": "ideas improving idea-generation", "ideas": "improving idea-generation", "suggested": "ideas idea-generation",
    # people at work
    "buddy": "buddy colleague", "shadowing": "development", "new": "", "starter": "colleague buddy",
    "trainee": "colleague develop", "coached": "developing others", "showed": "", "praised": "praise feedback",
    "encouraged": "motivating encourage", "motivated": "motivating", "huddle": "team meeting", "briefing": "team meeting",
    "agenda": "meeting", "presented": "communicating meeting", "shift": "work team", "tasks": "allocating work",
    "rota": "allocating work", "instructions": "guidance giving-information",
    # safety and environment
    "slipped": "hazard safety", "spill": "hazard", "puddle": "hazard safety", "unsafe": "safety risks",
    "ladder": "safety equipment", "incident": "incidents", "recycling": "recycle waste environmental",
    "cardboard": "recycle waste", "baler": "recycle waste",
    # channels
    "email": "written electronic", "emails": "written electronic", "chat": "electronic written",
    "facebook": "social media", "instagram": "social media", "twitter": "social media", "tripadvisor": "social media feedback",
    "online": "electronic social media", "posted": "social media postings", "phoned": "contact", "rang": "contact",
    # meta-skill signals (Skills 4.0 sub-skills)
    "listened": "listening", "explained": "giving-information", "asked": "questioning", "questions": "questioning",
    "noticed": "observation problem-recognition", "spotted": "observation problem-recognition", "watched": "observation",
    "decided": "decision", "chose": "decision judgement", "weighed": "judgement", "options": "judgement logical",
    "pros": "judgement", "cons": "judgement", "compared": "analysis judgement", "pattern": "pattern-recognition",
    "trend": "pattern-recognition", "together": "teamworking", "team": "teamworking", "honest": "ethics",
    "priority": "sorting attention", "prioritised": "sorting attention", "busy": "attention sorting",
    "queue": "attention", "flexible": "adaptability", "adapted": "adaptability", "feedback": "openness self-learning",
    "reflecting": "critical-reflection", "nervous": "self-awareness courage", "confident": "self-belief",
    "responsible": "responsibility", "feeling": "empathy", "felt": "self-awareness", "understood": "empathy",
}
