"""More of the world for places.py: countries of South-East Asia, Africa, Latin America, the Middle East and
elsewhere, and the cities cloud regions are named after ("AWS in Singapore or Sydney" is sg and au), each as
its ISO 3166 alpha-2 code in lower case. Data only.

Names that are also common words or people's names ("Jordan", "Chad", "Georgia", "Niger", "Mali", "Lima")
are left out: a place read where none was meant would invent a lock."""

from __future__ import annotations

COUNTRIES = {
    # South-East and South Asia
    "malaysia": "my", "thailand": "th", "vietnam": "vn", "viet nam": "vn", "philippines": "ph", "the philippines": "ph",
    "myanmar": "mm", "cambodia": "kh", "laos": "la", "brunei": "bn", "pakistan": "pk", "bangladesh": "bd",
    "sri lanka": "lk", "nepal": "np", "kazakhstan": "kz", "uzbekistan": "uz", "mongolia": "mn",
    # Africa
    "nigeria": "ng", "kenya": "ke", "egypt": "eg", "morocco": "ma", "ghana": "gh", "ethiopia": "et", "rwanda": "rw",
    "tanzania": "tz", "uganda": "ug", "senegal": "sn", "ivory coast": "ci", "côte d'ivoire": "ci", "algeria": "dz",
    "tunisia": "tn", "zambia": "zm", "zimbabwe": "zw", "botswana": "bw", "namibia": "na", "mozambique": "mz",
    "cameroon": "cm", "angola": "ao", "mauritius": "mu",
    # Latin America
    "argentina": "ar", "chile": "cl", "colombia": "co", "peru": "pe", "uruguay": "uy", "paraguay": "py",
    "ecuador": "ec", "bolivia": "bo", "venezuela": "ve", "costa rica": "cr", "panama": "pa", "guatemala": "gt",
    "dominican republic": "do", "puerto rico": "pr",
    # Middle East and Europe outside the EU
    "qatar": "qa", "kuwait": "kw", "bahrain": "bh", "oman": "om", "lebanon": "lb", "ukraine": "ua", "serbia": "rs",
    "russia": "ru", "moldova": "md", "albania": "al", "north macedonia": "mk", "montenegro": "me",
}  # fmt: skip

CITIES = {
    "sydney": "au", "melbourne": "au", "tokyo": "jp", "osaka": "jp", "seoul": "kr", "mumbai": "in",
    "hyderabad": "in", "delhi": "in", "new delhi": "in", "jakarta": "id", "kuala lumpur": "my", "bangkok": "th",
    "manila": "ph", "taipei": "tw", "auckland": "nz", "frankfurt": "de", "paris": "fr", "london": "uk",
    "dublin": "ie", "stockholm": "se", "milan": "it", "zurich": "ch", "zürich": "ch", "geneva": "ch", "madrid": "es",
    "warsaw": "pl", "amsterdam": "nl", "são paulo": "br", "sao paulo": "br", "montreal": "ca", "montréal": "ca",
    "toronto": "ca", "cape town": "za", "johannesburg": "za", "tel aviv": "il", "doha": "qa", "dubai": "ae",
    "abu dhabi": "ae", "riyadh": "sa", "jeddah": "sa", "nairobi": "ke", "lagos": "ng", "bogotá": "co", "bogota": "co",
    "querétaro": "mx", "queretaro": "mx", "virginia": "us", "ohio": "us", "oregon": "us", "california": "us",
    "iowa": "us", "texas": "us",
}  # fmt: skip

# Countries said as adjectives of where data lives: "Malaysian servers only", "Nigerian data residency".
DEMONYMS = {
    "malaysian": "my", "thai": "th", "vietnamese": "vn", "filipino": "ph", "indonesian": "id", "nigerian": "ng",
    "kenyan": "ke", "egyptian": "eg", "moroccan": "ma", "ghanaian": "gh", "argentine": "ar", "argentinian": "ar",
    "chilean": "cl", "colombian": "co", "peruvian": "pe", "uruguayan": "uy", "qatari": "qa", "kuwaiti": "kw",
    "pakistani": "pk", "bangladeshi": "bd", "ukrainian": "ua",
}  # fmt: skip
