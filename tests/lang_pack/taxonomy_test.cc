#include "sitrep/taxonomy.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Taxonomy, HasAcledsSixTypesAndTwentyFiveSubTypes) {
  ASSERT_EQ(EventTypes().size(), 6u);
  EXPECT_EQ(EventTypes()[0].name, "Battles");
  EXPECT_EQ(EventTypes()[5].name, "Strategic developments");
  size_t sub_types = 0;
  for (const EventTypeInfo& type : EventTypes()) sub_types += type.sub_event_types.size();
  EXPECT_EQ(sub_types, 25u);
}

TEST(Taxonomy, ValidatesSubTypeAgainstItsType) {
  EXPECT_TRUE(IsValidEventType("Explosions/Remote violence", "Shelling/artillery/missile attack"));
  EXPECT_TRUE(IsValidEventType("Violence against civilians", "Abduction/forced disappearance"));
  EXPECT_TRUE(IsValidEventType("Riots", ""));
  EXPECT_FALSE(IsValidEventType("Battles", "Grenade"));      // a sub-type of another type
  EXPECT_FALSE(IsValidEventType("battles", "Armed clash"));  // case matters
  EXPECT_FALSE(IsValidEventType("Explosions", "Grenade"));
  EXPECT_FALSE(IsValidEventType("", ""));
}

TEST(Taxonomy, FindsTheTypeOfASubType) {
  EXPECT_EQ(EventTypeOfSubEvent("Grenade"), "Explosions/Remote violence");
  EXPECT_EQ(EventTypeOfSubEvent("Attack"), "Violence against civilians");
  EXPECT_EQ(EventTypeOfSubEvent("Other"), "Strategic developments");
  EXPECT_EQ(EventTypeOfSubEvent("Drone strike"), "");
}

}  // namespace
}  // namespace sitrep
