package org.jiuzhu.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AdminUnitRepository {

    private static final String COLUMNS = "select code, name, unit_level, parent_code from admin_unit";

    private final JdbcClient jdbc;

    public AdminUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AdminUnit> findByCode(String code) {
        return jdbc.sql(COLUMNS + " where code = ?").param(code).query(AdminUnitRepository::map).optional();
    }

    public List<AdminUnit> findAll() {
        return jdbc.sql(COLUMNS + " order by code").query(AdminUnitRepository::map).list();
    }

    public List<AdminUnit> findChildren(String parentCode) {
        return jdbc.sql(COLUMNS + " where parent_code = ? order by code").param(parentCode)
                .query(AdminUnitRepository::map).list();
    }

    /** The unit and every unit above it, lowest first; empty when the code is unknown. */
    public List<AdminUnit> findChain(String code) {
        List<AdminUnit> chain = new ArrayList<>(3);
        Optional<AdminUnit> current = findByCode(code);
        while (current.isPresent()) {
            AdminUnit unit = current.get();
            chain.add(unit);
            current = unit.parentCode() == null ? Optional.empty() : findByCode(unit.parentCode());
        }
        return chain;
    }

    /** "清源县 / 城关街道 / 东门社区": the names from the county down, joined by the separator. */
    public String pathOf(String code, String separator) {
        List<String> names = new ArrayList<>(findChain(code).stream().map(AdminUnit::name).toList());
        java.util.Collections.reverse(names);
        return String.join(separator, names);
    }

    public void insert(AdminUnit unit) {
        jdbc.sql("insert into admin_unit (code, name, unit_level, parent_code) values (?, ?, ?, ?)")
                .params(unit.code(), unit.name(), unit.level().name(), unit.parentCode())
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from admin_unit").query(Long.class).single();
    }

    private static AdminUnit map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AdminUnit(rs.getString("code"), rs.getString("name"),
                UnitLevel.valueOf(rs.getString("unit_level")), rs.getString("parent_code"));
    }
}
