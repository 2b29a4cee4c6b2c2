package se.styr.economy.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AllocationRepository {

    /** A budget version's stored model. */
    record Stored(long id, long budgetId, int version, AllocationModel model) {
    }

    private final JdbcClient jdbc;

    AllocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(long budgetId) {
        record Head(long id, BigDecimal pkvShare, BigDecimal volumeShare, int version) {
        }
        Optional<Head> head = jdbc.sql("select id, pkv_share, volume_share, version from allocation_model where budget_id = ?")
                .param(budgetId).query((rs, n) -> new Head(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        long id = head.get().id();
        Map<Integer, BigDecimal> pkv = new TreeMap<>();
        jdbc.sql("select year, percent from allocation_pkv where model_id = ?").param(id)
                .query(rs -> {
                    pkv.put(rs.getInt(1), rs.getBigDecimal(2));
                });
        Map<Integer, Map<Integer, Long>> persons = new HashMap<>();
        jdbc.sql("select position, year, persons from allocation_population where model_id = ?").param(id)
                .query(rs -> {
                    persons.computeIfAbsent(rs.getInt(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
                });
        List<AllocationModel.AgeGroup> groups = jdbc.sql("select position, label from allocation_age_group where model_id = ? order by position")
                .param(id).query((rs, n) -> new AllocationModel.AgeGroup(rs.getString(2), persons.getOrDefault(rs.getInt(1), Map.of())))
                .list();
        Map<Long, Map<Integer, Long>> costs = new HashMap<>();
        jdbc.sql("select org_unit_id, position, kronor from allocation_standard_cost where model_id = ?").param(id)
                .query(rs -> {
                    costs.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getLong(3));
                });
        List<AllocationModel.Committee> committees = jdbc.sql(
                        "select org_unit_id, base_frame, buffer_percent from allocation_committee where model_id = ? order by org_unit_id")
                .param(id)
                .query((rs, n) -> {
                    long unit = rs.getLong(1);
                    Map<Integer, Long> byGroup = costs.getOrDefault(unit, Map.of());
                    List<Long> standardCosts = new ArrayList<>();
                    for (int g = 0; g < groups.size(); g++) {
                        standardCosts.add(byGroup.get(g));
                    }
                    return new AllocationModel.Committee(unit, rs.getObject(2, Long.class), rs.getBigDecimal(3), standardCosts);
                })
                .list();
        List<AllocationModel.Targeted> targeted = jdbc.sql("""
                        select org_unit_id, year, amount, permanent, motivation from allocation_targeted
                        where model_id = ? order by position, id""")
                .param(id)
                .query((rs, n) -> new AllocationModel.Targeted(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5)))
                .list();
        AllocationModel model = new AllocationModel(head.get().pkvShare(), head.get().volumeShare(), pkv, groups, committees, targeted);
        return Optional.of(new Stored(id, budgetId, head.get().version(), model));
    }

    /** The version a budget version was revised from, if any. */
    Optional<Long> revisedFrom(long budgetId) {
        return jdbc.sql("select created_from from budget where id = ?").param(budgetId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional();
    }

    long insert(long budgetId, AllocationModel model) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into allocation_model (budget_id, pkv_share, volume_share, version) values (?, ?, ?, 1)")
                .params(budgetId, model.pkvShare(), model.volumeShare()).update(keys, "id");
        long id = keys.getKey().longValue();
        insertContents(id, model);
        return id;
    }

    /** Bumps the version the editor read; false when someone else saved in between. */
    boolean touch(long id, int expectedVersion) {
        return jdbc.sql("update allocation_model set version = version + 1 where id = ? and version = ?")
                .params(id, expectedVersion).update() == 1;
    }

    /** Replaces everything typed into the model. */
    void replace(long id, AllocationModel model) {
        jdbc.sql("update allocation_model set pkv_share = ?, volume_share = ? where id = ?")
                .params(model.pkvShare(), model.volumeShare(), id).update();
        for (String table : List.of("allocation_targeted", "allocation_standard_cost", "allocation_population",
                "allocation_committee", "allocation_age_group", "allocation_pkv")) {
            jdbc.sql("delete from " + table + " where model_id = ?").param(id).update();
        }
        insertContents(id, model);
    }

    private void insertContents(long id, AllocationModel model) {
        model.pkv().forEach((year, percent) ->
                jdbc.sql("insert into allocation_pkv (model_id, year, percent) values (?, ?, ?)").params(id, year, percent).update());
        for (int g = 0; g < model.ageGroups().size(); g++) {
            AllocationModel.AgeGroup group = model.ageGroups().get(g);
            jdbc.sql("insert into allocation_age_group (model_id, position, label) values (?, ?, ?)").params(id, g, group.label().strip()).update();
            for (Map.Entry<Integer, Long> e : new LinkedHashMap<>(group.persons()).entrySet()) {
                jdbc.sql("insert into allocation_population (model_id, position, year, persons) values (?, ?, ?, ?)")
                        .params(id, g, e.getKey(), e.getValue()).update();
            }
        }
        for (AllocationModel.Committee c : model.committees()) {
            jdbc.sql("insert into allocation_committee (model_id, org_unit_id, base_frame, buffer_percent) values (?, ?, ?, ?)")
                    .params(id, c.orgUnitId(), c.baseFrame(), c.bufferPercent()).update();
            for (int g = 0; g < c.standardCosts().size(); g++) {
                if (c.standardCosts().get(g) != null) {
                    jdbc.sql("insert into allocation_standard_cost (model_id, org_unit_id, position, kronor) values (?, ?, ?, ?)")
                            .params(id, c.orgUnitId(), g, c.standardCosts().get(g)).update();
                }
            }
        }
        for (int i = 0; i < model.targeted().size(); i++) {
            AllocationModel.Targeted t = model.targeted().get(i);
            jdbc.sql("""
                            insert into allocation_targeted (model_id, org_unit_id, position, year, amount, permanent, motivation)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, t.orgUnitId(), i, t.year(), t.amount(), t.permanent(), t.motivation().strip()).update();
        }
    }
}
