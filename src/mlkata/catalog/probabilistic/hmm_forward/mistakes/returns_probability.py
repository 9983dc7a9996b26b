MESSAGE = ("You return the probability P(obs); the function returns its logarithm, log P(obs) "
           "(accumulate the logs of the scale factors instead of multiplying probabilities).")


def hmm_forward(pi, A, B, obs):
    alpha = pi * B[:, obs[0]]
    for o in obs[1:]:
        alpha = (alpha @ A) * B[:, o]
    return float(alpha.sum())
