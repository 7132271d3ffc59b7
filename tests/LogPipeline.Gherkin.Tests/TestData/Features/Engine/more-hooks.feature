Feature: More hooks
  A second feature, to see feature hooks switch.

  Scenario: Third scenario
    Given a recorded step
