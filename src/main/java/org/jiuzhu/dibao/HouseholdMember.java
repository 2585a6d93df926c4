package org.jiuzhu.dibao;

public record HouseholdMember(String name, String idNumber, Relation relation, LabourAbility labourAbility,
                              int disabilityGrade, DisabilityKind disabilityKind, boolean seriousIllness) {
}
