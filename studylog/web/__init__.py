"""The web pages: sign-in from a phone (:mod:`studylog.web.signin`) and the read-only view of
the records (:mod:`studylog.web.views`), as Starlette apps served by uvicorn on the
secretary's own machine. Templates and the style sheet ship in the package: no CDN, no
JavaScript framework, nothing leaves the room.
"""
