@hooks
Feature: More hooks
  A second feature, to see the feature hooks switch.

  Scenario: Third scenario
    Given a recorded step
