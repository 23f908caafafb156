"""What the place tests ask of a coded sentence: the place of its first event."""


def placed(stage, make_state, text: str, trigger: str, **kwargs):
    state = make_state(text, trigger, **kwargs)
    stage(state)
    return state.events[0].place
