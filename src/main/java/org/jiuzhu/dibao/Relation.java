package org.jiuzhu.dibao;

/** A member's relation to the applicant. */
public enum Relation {
    SELF("本人"),
    SPOUSE("配偶"),
    CHILD("子女"),
    PARENT("父母"),
    GRANDPARENT("祖父母/外祖父母"),
    GRANDCHILD("孙子女/外孙子女"),
    SIBLING("兄弟姐妹"),
    OTHER("其他");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
