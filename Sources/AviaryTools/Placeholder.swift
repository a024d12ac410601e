import AviaryCore
