#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {
namespace {

std::string ReadSample(const std::string& name) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST(LanguageDetectionTest, Seeds) {
    EXPECT_EQ(DetectLanguage(ReadSample("000_ffec081ef8fe4e47.txt")), "ro");
    EXPECT_EQ(DetectLanguage(ReadSample("001_27bf44580f6e2d5d.txt")), "ro");
    EXPECT_EQ(DetectLanguage(ReadSample("002_8d53b20a0e2536f7.txt")), "sl");
    EXPECT_EQ(DetectLanguage(ReadSample("003_ecb680f06898adfc.txt")), "ro");
    EXPECT_EQ(DetectLanguage(ReadSample("004_16958f30d03cf6c0.txt")), "ro");
}

TEST(LanguageDetectionTest, Sentences) {
    EXPECT_EQ(DetectLanguage("The municipality will develop a plan for the reduction of homelessness and report on "
                             "its progress to the council each year."),
              "en");
    EXPECT_EQ(DetectLanguage("Il Comune predispone il piano triennale per la prevenzione della corruzione e ne "
                             "verifica l'attuazione con cadenza annuale."),
              "it");
    EXPECT_EQ(DetectLanguage("El Ayuntamiento elaborará un plan de acción para la inclusión social de las personas "
                             "sin hogar y lo evaluará cada año."),
              "es");
    EXPECT_EQ(DetectLanguage("Consiliul Județean aprobă planul anual de acțiune privind serviciile sociale și "
                             "monitorizează implementarea acestuia."),
              "ro");
    EXPECT_EQ(DetectLanguage("Ministrstvo za zdravje pripravi akcijski načrt in ga uskladi z drugimi ministrstvi, ki "
                             "so pristojna na področju drog."),
              "sl");
    // Without diacritics, function words still decide.
    EXPECT_EQ(DetectLanguage("Planul de actiune pentru serviciile sociale din judetul Cluj si pentru copiii care au "
                             "nevoie de protectie"),
              "ro");
}

TEST(LanguageDetectionTest, UnsureGivesEmpty) {
    EXPECT_EQ(DetectLanguage(""), "");
    EXPECT_EQ(DetectLanguage("2020"), "");
    EXPECT_EQ(DetectLanguage("CPECA Cluj, ISJ Cluj"), "");
    EXPECT_EQ(DetectLanguage("X X X 2019-1 2019-2"), "");
}

}  // namespace
}  // namespace planwatch::import::recognise
