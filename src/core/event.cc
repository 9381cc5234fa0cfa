#include "sitrep/event.h"

namespace sitrep {

const char* DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* StanceName(Stance stance) {
  switch (stance) {
    case Stance::kAsserts: return "asserts";
    case Stance::kDenies: return "denies";
    case Stance::kBlamesOther: return "blames_other";
  }
  return "asserts";
}

}  // namespace sitrep
